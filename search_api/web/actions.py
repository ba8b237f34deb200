""" "Passer à l'action" on a fiche: for the chosen territory, a link per public service, each
through the counted redirect `/sortie/{service}` (built by `search_api.journey.actions`)."""

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

from search_api.common.engine import Engine
from search_api.journey.actions import Catalogue, build_link
from search_api.journey.service import metier_of, place_of
from search_api.web.templating import link

KINDS = {"commune": "commune", "departement": "département", "region": "région"}


@dataclass(frozen=True)
class ActionView:
    """One service as the fiche shows it."""

    service: str
    label: str
    provider: str
    href: str  # the local redirect that counts the click
    host: str  # where it leads
    lieu: str | None  # "Lyon (commune)"; None: all of France
    confirmed: bool


async def fiche_actions(
    engine: Engine, catalogue: Catalogue, code_rome: str, territoire: str | None
) -> list[ActionView]:
    """Every service's link for the fiche around the territory (in France without one)."""
    metier, place = await asyncio.gather(
        metier_of(engine, code_rome, None), place_of(engine, territoire)
    )
    out = []
    for key, service in catalogue.services.items():
        built = build_link(service, metier, place)
        lieu = built.lieu
        out.append(
            ActionView(
                service=key,
                label=service.label,
                provider=service.provider,
                href=link(f"/sortie/{key}", territoire, code_rome=code_rome),
                host=urlsplit(built.url).netloc,
                lieu=f"{lieu.libelle} ({KINDS[lieu.type]})" if lieu else None,
                confirmed=built.pattern.confirmed,
            )
        )
    return out
