"""Dependencies handing lifespan-owned services to routes, and shared parameter types."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request, params
from pydantic import StringConstraints

from search_api.browse.service import BrowseService
from search_api.common.engine import Engine
from search_api.encoder import QueryEncoder
from search_api.offres.service import OffresService
from search_api.profile.extraction import Extractor
from search_api.profile.matching import Matcher
from search_api.records.service import RecordsService
from search_api.search.service import SearchService
from search_api.territoires.service import TerritoiresService


@dataclass(frozen=True)
class Services:
    """Every domain service of one API process, built once in the lifespan."""

    engine: Engine
    encoder: QueryEncoder
    search: SearchService
    records: RecordsService
    browse: BrowseService
    territoires: TerritoiresService
    offres: OffresService
    extractor: Extractor
    matcher: Matcher
    models: dict[str, dict[str, str]]  # learned artefacts: status, version, fingerprint


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


# The dependencies are coroutines: FastAPI runs a plain function dependency in its thread
# pool, one thread hop per request for an attribute read.


async def _engine(request: Request) -> Engine:
    return _services(request).engine


async def _encoder(request: Request) -> QueryEncoder:
    return _services(request).encoder


async def _search(request: Request) -> SearchService:
    return _services(request).search


async def _records(request: Request) -> RecordsService:
    return _services(request).records


async def _browse(request: Request) -> BrowseService:
    return _services(request).browse


async def _territoires(request: Request) -> TerritoiresService:
    return _services(request).territoires


async def _offres(request: Request) -> OffresService:
    return _services(request).offres


async def _extractor(request: Request) -> Extractor:
    return _services(request).extractor


async def _matcher(request: Request) -> Matcher:
    return _services(request).matcher


async def _models(request: Request) -> dict[str, dict[str, str]]:
    return _services(request).models


EngineDep = Annotated[Engine, Depends(_engine)]
Models = Annotated[dict[str, dict[str, str]], Depends(_models)]
Encoder = Annotated[QueryEncoder, Depends(_encoder)]
Search = Annotated[SearchService, Depends(_search)]
Records = Annotated[RecordsService, Depends(_records)]
Browse = Annotated[BrowseService, Depends(_browse)]
Territoires = Annotated[TerritoiresService, Depends(_territoires)]
Offres = Annotated[OffresService, Depends(_offres)]
Extraction = Annotated[Extractor, Depends(_extractor)]
Matching = Annotated[Matcher, Depends(_matcher)]

RomeCode = Annotated[
    str, Path(pattern=r"^[A-Na-n]\d{4}$", description="ROME code.", examples=["M1805"])
]


# What facet values look like: a value of another shape can match nothing, so it is refused.
GrandDomaine = Annotated[str, StringConstraints(pattern=r"^[A-N]$")]
DomainePro = Annotated[str, StringConstraints(pattern=r"^[A-N]\d{2}$")]
Number = Annotated[str, StringConstraints(pattern=r"^\d{1,4}$")]  # secteurs, centres, NAF
Label = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f<>]{1,60}$")]  # transitions
Flag = Annotated[str, StringConstraints(pattern=r"^(?:true|false)$")]
RegionCode = Annotated[str, StringConstraints(pattern=r"^\d{2}$")]
DepartementCode = Annotated[str, StringConstraints(pattern=r"^(?:\d{2,3}|2[AB])$")]
CommuneCode = Annotated[str, StringConstraints(pattern=r"^(?:\d{5}|2[AB]\d{3})$")]
CodeRome = Annotated[str, StringConstraints(pattern=r"^[A-N]\d{4}$")]
Contrat = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{2,4}$")]


def FacetParam(example: str) -> params.Query:  # noqa: N802 (reads as a parameter type)
    """A multi-select facet filter query parameter, documented with one example value."""
    return params.Query(description="Facet filter; repeat for OR.", examples=[[example]])
