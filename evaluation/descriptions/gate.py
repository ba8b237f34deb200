"""False-rejection rate of the "reads as French" gates on the training descriptions.

    .venv/bin/python -m evaluation.descriptions.gate

The API's gate (`search_api.profile.clauses.Reading.looks_french`) is computed on spaCy's
tokens exactly as `read_text` counts them (the tokenizer alone: the other pipes do not change
tokens); the new gate is `ranking.language.reads_as_french`.
"""

import json
import sys
from collections.abc import Callable

from evaluation.descriptions.data import build_tables, read_ads
from indexer.referential.load import load_referential
from indexer.settings import Settings
from ranking.language import reads_as_french
from search_api.profile.clauses import FRENCH_FUNCTION_WORDS, Reading, load_nlp

# Short texts in a person's own words, and ad openings the old gate refused.
OWN_WORDS = (
    "J'ai tenu la caisse et fait les inventaires, j'encadrais deux apprentis.",
    "Serveur en brasserie : prise de commandes, service en salle, encaissement.",
    "Accueil\n- Conseils clients\n- Encaissement\n- Rangement magasin\n- Mise en rayon",
    "Restaurant Le Bistrot recrute serveur H/F\n- service midi et soir\n- plonge\n- mise en place",
    "FRANCE PARE-BRISE AUBENAS recrute technicien poseur vitrage automobile CDI temps plein",
    "Cariste, préparation commandes, chargement camions, gestion stock, inventaire tournant",
    "Développeur Python Django, API REST, PostgreSQL, Docker, CI GitLab, Scrum",
    "Soins d'hygiène, aide au repas, transmissions, accompagnement résidents EHPAD",
    "Maçonnerie, coffrage, ferraillage, lecture de plans, chantier gros oeuvre",
    "Comptabilité fournisseurs, rapprochements bancaires, déclarations TVA, clôtures",
)
FOREIGN = (
    "We are looking for a senior data engineer to join our team and build pipelines with Spark.",
    "You will be responsible for the maintenance of our servers and the support of our users.",
    "Experience with Python and SQL is required, and knowledge of the cloud is a plus.",
    "asdf qwer zxcv hjkl uiop tyui ghjk bnmv cvbn wert sdfg xcvb",
    "qsdfgh jklmwx cvbnrt azerty poiuyt mlkjhg nbvcxw wxcvbn sdfghj",
    "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor",
)


def api_gate() -> Callable[[str], bool]:
    """The API's current decision, from spaCy tokens counted as `read_text` counts them."""
    nlp = load_nlp()

    def gate(text: str) -> bool:
        words = [w for t in nlp.tokenizer(text) if (w := t.lower_.rstrip("'’")).isalpha()]
        reading = Reading([], len(words), sum(w in FRENCH_FUNCTION_WORDS for w in words))
        return reading.looks_french

    return gate


def rates(texts: list[str], gates: dict[str, Callable[[str], bool]]) -> dict[str, object]:
    """Rejections per gate, with the first refused texts."""
    out: dict[str, object] = {}
    for name, gate in gates.items():
        refused = [t for t in texts if not gate(t)]
        out[name] = {
            "refused": len(refused),
            "rate": len(refused) / max(len(texts), 1),
            "examples": [t[:160] for t in refused[:8]],
        }
    return out


def main() -> dict[str, object]:
    """Gate rates on the training descriptions, own-words texts and foreign texts."""
    settings = Settings()
    tables = build_tables(load_referential(settings.rome_dir))
    ads = read_ads(settings.train_dir / "descriptions.jsonl", tables)
    gates = {"api (clauses.py)": api_gate(), "new (ranking.language)": reads_as_french}
    return {
        "descriptions": rates([a.text for a in ads], gates),
        "own words": rates(list(OWN_WORDS), gates),
        "foreign (should be refused)": {
            name: sum(not gate(t) for t in FOREIGN) / len(FOREIGN) for name, gate in gates.items()
        },
    }


if __name__ == "__main__":
    sys.stdout.write(json.dumps(main(), indent=2, ensure_ascii=False))
