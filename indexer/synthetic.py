"""Synthetic job offers in the Offres d'emploi v2 format, for load tests at national scale.

Titles, ROME codes and places are drawn (seeded) from the real referentials, so resolution,
facets and salary parsing do the work they do on real offers.
"""

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from indexer.referential.load import Referential
from indexer.territoires import Territoires

CONTRACTS = (
    ("CDI", "Contrat à durée indéterminée"),
    ("CDD", "Contrat à durée déterminée"),
    ("MIS", "Mission intérimaire"),
    ("SAI", "Contrat travail saisonnier"),
)
SECTEURS = (
    ("47", "Commerce de détail"),
    ("56", "Restauration"),
    ("86", "Activités pour la santé"),
    ("49", "Transports terrestres"),
    ("62", "Programmation informatique"),
    ("43", "Travaux de construction spécialisés"),
)


def synthetic_offers(
    ref: Referential, territoires: Territoires, count: int, *, seed: int = 7
) -> Iterator[dict[str, Any]]:
    """`count` offers created over the last 90 days, like the API returns them."""
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    appellations = sorted(ref.appellations.values(), key=lambda a: a.code_ogr)
    communes = sorted(territoires.communes.values(), key=lambda c: c.code)
    now = datetime.now(UTC)
    for number in range(count):
        job = rng.choice(appellations)
        commune = rng.choice(communes)
        contract, contract_label = rng.choice(CONTRACTS)
        secteur, secteur_label = rng.choice(SECTEURS)
        created = now - timedelta(seconds=rng.randrange(90 * 86400))
        stamp = created.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        low = rng.randrange(1700, 3500, 50)
        salary = rng.choice(
            (
                f"Mensuel de {low}.0 Euros à {low + 300}.0 Euros sur 12 mois",
                f"Horaire de {rng.randrange(1188, 2000) / 100:.2f} Euros",
                None,
            )
        )
        yield {
            "id": f"S{number:07d}",
            "intitule": job.libelle,
            "description": f"Poste de {job.libelle.lower()} à pourvoir.",
            "dateCreation": stamp,
            "dateActualisation": stamp,
            "lieuTravail": {
                "libelle": f"{commune.departement} - {commune.libelle.upper()}",
                "codePostal": commune.postcodes[0] if commune.postcodes else None,
                "commune": commune.code,
            },
            "romeCode": job.code_rome,
            "romeLibelle": ref.fiches[job.code_rome].libelle,
            "appellationlibelle": job.libelle,
            "typeContrat": contract,
            "typeContratLibelle": contract_label,
            "secteurActivite": secteur,
            "secteurActiviteLibelle": secteur_label,
            "salaire": {"libelle": salary} if salary else {},
            "competences": [],
        }
