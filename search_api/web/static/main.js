// Progressive enhancement of the pages: suggestions in the search box, the territory
// picker and the profile's compétence search; the remembered profile. Every page works
// without this file.

import { Combobox, highlightNodes } from "./combobox.js";
import { competenceSuggestions, rememberProfile } from "./profile.js";

const SUGGESTIONS = 8;
const KINDS = {
  appellation: "Appellation",
  fiche: "Métier",
  competence: "Compétence",
  savoir: "Savoir",
  region: "Région",
  departement: "Département",
  commune: "Commune",
};

/** The page's territory, carried into every link a suggestion leads to. */
function withTerritory(path, form) {
  const chosen = form.querySelector("input[name=territoire]");
  return chosen ? `${path}?territoire=${encodeURIComponent(chosen.value)}` : path;
}

async function getJson(path, params) {
  const response = await fetch(`${path}?${new URLSearchParams(params)}`, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function metiers(form) {
  return async (q) => {
    const data = await getJson("/v1/autocomplete", { q, size: SUGGESTIONS });
    return data.suggestions.map((s) => ({
      nodes: highlightNodes(s.highlight, s.libelle),
      kind: KINDS[s.type] ?? s.type,
      href: withTerritory(
        s.type === "competence" ? `/competences/${s.code}` : `/metiers/${s.code_rome ?? s.code}`,
        form,
      ),
    }));
  };
}

function territoires(form) {
  const back = form.querySelector("input[name=retour]")?.value ?? "/";
  return async (q) => {
    const data = await getJson("/v1/territoires/search", { q, size: SUGGESTIONS });
    return data.results.map((t) => {
      const within = t.departement?.libelle ?? t.region?.libelle;
      const params = new URLSearchParams({ t: `${t.type}-${t.code}`, retour: back });
      return {
        nodes: [document.createTextNode(t.libelle)],
        kind: within ? `${KINDS[t.type]}, ${within}` : KINDS[t.type],
        href: `/territoire/choisir?${params}`,
      };
    });
  };
}

const SOURCES = {
  metiers,
  territoires,
  competences: competenceSuggestions(getJson, highlightNodes, SUGGESTIONS),
};

rememberProfile();

for (const input of document.querySelectorAll("input[data-suggest]")) {
  const listbox = document.getElementById(`${input.id}-list`);
  const status = document.getElementById(`${input.id}-status`);
  const source = SOURCES[input.dataset.suggest];
  if (listbox && status && source) new Combobox(input, listbox, status, source(input.form));
}
