"""Examples of the journey's OpenAPI description (checked by tests/journey)."""

from search_api.examples import Example

CV_REQUEST: Example = {
    "nom": "Camille Martin",
    "metier_vise": {"code_rome": "M1805", "libelle": "Développeur / Développeuse informatique"},
    "resume": "Dix ans de mise en rayon et de gestion des stocks ; je me forme au développement.",
    "contact": {"email": "camille.martin@example.org", "telephone": "06 12 34 56 78"},
    "experiences": [
        {
            "intitule": "Employée de libre-service",
            "employeur": "Supérette du Centre",
            "debut": "2015",
            "fin": "2025",
            "description": "Réception des livraisons, mise en rayon, inventaires mensuels.",
        }
    ],
    "competences": [
        {
            "titre": "Gérer les stocks",
            "competences": ["Réceptionner les marchandises", "Réaliser un inventaire"],
        },
        {"titre": "Savoir-être professionnels", "competences": ["Sens de l'organisation"]},
    ],
}

ACTIONS: Example = {
    "code_rome": "M1805",
    "libelle": "Développeur / Développeuse informatique",
    "appellation": {"code": "14153", "libelle": "Développeur / Développeuse informatique"},
    "territoire": {"type": "commune", "code": "69123", "libelle": "Lyon"},
    "actions": [
        {
            "service": "candidatures_spontanees",
            "label": "Candidatures spontanées",
            "provider": "La bonne boîte (France Travail)",
            "url": "https://labonneboite.francetravail.fr/entreprises/commune/69123/rome/M1805?d=30",
            "sortie": "/sortie/candidatures_spontanees?code_rome=M1805&territoire=commune-69123",
            "lieu": {"type": "commune", "code": "69123", "libelle": "Lyon"},
            "confirmed": True,
            "note": None,
        }
    ],
}
