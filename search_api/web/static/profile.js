// The skills profile remembered by the browser. The address carries the profile (`?c=`) and
// the server keeps nothing; this keeps a copy in localStorage so that "Mon profil" and the
// "Ajouter à mon profil" buttons find it from any page. Without it, the address alone does.

const KEY = "metierscope.profil";

function stored() {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return ""; // storage disabled: the address still carries the profile
  }
}

function store(codes) {
  try {
    localStorage.setItem(KEY, codes);
  } catch {
    // same: nothing to do
  }
}

function withProfile(href, codes) {
  const url = new URL(href, window.location.origin);
  if (!url.searchParams.has("c")) url.searchParams.set("c", codes);
  return url.pathname + url.search + url.hash;
}

/** Remember the profile a profile page shows, or bring back the remembered one; then carry it. */
export function rememberProfile() {
  const page = document.querySelector("[data-profile]");
  const here = new URLSearchParams(window.location.search);
  if (page && here.has("c")) {
    store(page.dataset.profile);
  } else if (page && stored()) {
    here.set("c", stored());
    window.location.replace(`${window.location.pathname}?${here}`);
    return;
  }
  const codes = stored();
  if (!codes) return;
  for (const a of document.querySelectorAll("a[data-profile-link]")) {
    a.href = withProfile(a.href, codes);
  }
  for (const field of document.querySelectorAll("input[data-profile-field]")) {
    field.form.addEventListener("submit", () => {
      field.value = [field.value, stored()].filter(Boolean).join(",");
    });
  }
}

/** Suggestions of compétences to add, each a link to the profile with it. */
export function competenceSuggestions(getJson, highlightNodes, size) {
  return (form) => {
    const held = form.querySelector("input[name=c]")?.value ?? "";
    const codes = held ? held.split(",") : [];
    const chosen = form.querySelector("input[name=territoire]");
    return async (q) => {
      const data = await getJson("/v1/competences/search", { q, size });
      return data.results.map((r) => {
        const already = codes.includes(r.code);
        const params = new URLSearchParams({ c: [...codes, ...(already ? [] : [r.code])].join(",") });
        if (!already) params.set("ajoutees", "1");
        if (chosen) params.set("territoire", chosen.value);
        return {
          nodes: highlightNodes(r.highlight, r.libelle),
          kind: already ? "Déjà dans votre profil" : "Compétence à ajouter",
          href: `/profil?${params}`,
        };
      });
    };
  };
}
