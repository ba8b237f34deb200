"""Job offers generated in the France Travail "Offres d'emploi v2" format, for tests."""

from datetime import UTC, datetime, timedelta
from typing import Any

# (romeCode, appellation label) pairs of real ROME 4.0 fiches and appellations.
JOBS = (
    ("D1106", "Vendeur / Vendeuse en épicerie"),
    ("D1102", "Boulanger / Boulangère"),
    ("D1505", "Hôte / Hôtesse de caisse"),
    ("N4101", "Conducteur / Conductrice de poids lourd"),
    ("M1805", "Développeur / Développeuse informatique"),
)
# (commune code, postcode, label) of real communes.
PLACES = (
    ("07010", "07100", "07 - ANNONAY"),
    ("07186", "07000", "07 - PRIVAS"),
    ("69123", "69001", "69 - LYON 01"),
    ("42218", "42000", "42 - ST ETIENNE"),
)
CONTRACTS = ("CDI", "CDD", "MIS")
SALARIES = ("Mensuel de 1900.0 Euros à 2100.0 Euros sur 12 mois", "Horaire de 11.88 Euros", None)


def offer(number: int, *, now: datetime | None = None) -> dict[str, Any]:
    """The number-th generated offer: jobs, places, contracts and ages cycle."""
    now = now or datetime.now(UTC)
    rome, title = JOBS[number % len(JOBS)]
    commune, postcode, label = PLACES[number % len(PLACES)]
    created = now - timedelta(days=(number * 5) % 60)
    lieu: dict[str, Any] = {"libelle": label, "latitude": 45.0, "longitude": 4.5}
    # Some offers give the commune, some only a postcode, some only the label.
    if number % 3 == 0:
        lieu |= {"commune": commune, "codePostal": postcode}
    elif number % 3 == 1:
        lieu |= {"codePostal": postcode}
    salary = SALARIES[number % len(SALARIES)]
    return {
        "id": f"T{number:06d}",
        "intitule": f"{title} (H/F)",
        "description": f"Nous recrutons un {title.split(' / ')[0].lower()} pour notre équipe.",
        "dateCreation": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "dateActualisation": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "lieuTravail": lieu,
        "romeCode": rome,
        "romeLibelle": title,
        "appellationlibelle": title,
        "typeContrat": CONTRACTS[number % len(CONTRACTS)],
        "typeContratLibelle": CONTRACTS[number % len(CONTRACTS)],
        "salaire": {"libelle": salary} if salary else {},
        "secteurActivite": "47",
        "secteurActiviteLibelle": "Commerce de détail",
        "competences": [
            {"code": "300303", "libelle": "Procéder à l'encaissement", "exigence": "E"}
        ],
        "qualitesProfessionnelles": None,
        "experienceExige": "D",
    }
