"""Offers: search by title with facets, a fiche's market, offers per fiche in a territory."""

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

from models.offres import OffreSummary
from models.refs import given
from models.territoires import TerritoireDoc
from search_api.common.engine import Engine, guarded
from search_api.common.facets import FacetCount, Filters, bucket_values, facet_counts
from search_api.common.fusion import Mode, fuse
from search_api.encoder import QueryEncoder
from search_api.errors import NotFoundError
from search_api.offres import queries
from search_api.search.queries import clean_query

OFFRES = "offres"
PROVENANCE: Final = "provenance"  # the offers index `_meta` key where the indexer marks a sample
SAMPLE: Final = "sample"


@dataclass(frozen=True)
class Offer:
    """An offer found: what the search read of its document, score and highlighted title."""

    source: OffreSummary
    score: float
    highlight: str | None


@dataclass(frozen=True)
class OfferPage:
    """A page of offers with the total and the facet counts."""

    hits: list[Offer]
    total: int
    facets: dict[str, list[FacetCount]]


@dataclass(frozen=True)
class Salary:
    """Monthly salary quartiles and the number of offers with a salary."""

    p25: float | None
    p50: float | None
    p75: float | None
    offres: int


@dataclass(frozen=True)
class Market:
    """The figures of one set of offers."""

    offres: int
    contrats: list[FacetCount]
    salaire_mensuel: Salary
    secteurs: list[FacetCount]
    semaines: list[tuple[str, int]]


@dataclass(frozen=True)
class Sample:
    """What the indexer recorded of a sample of offers it loaded (offers index `_meta`)."""

    file: str
    offres: int
    newest: date | None  # the newest offer's creation day: the sample's figures are as of then


def sample_of(meta: dict[str, Any]) -> Sample | None:
    """The sample an offers index `_meta` records, if its offers come from one."""
    found = meta.get(PROVENANCE)
    if not isinstance(found, dict) or found.get("source") != SAMPLE:
        return None
    newest = found.get("newest")
    return Sample(
        file=str(found.get("file", "")),
        offres=int(found.get("offres", 0)),
        newest=date.fromisoformat(newest[:10]) if isinstance(newest, str) else None,
    )


@dataclass(frozen=True)
class Territory:
    """A territory a market is asked for."""

    type: str
    code: str
    libelle: str
    region: str | None


def _offer(hit: dict[str, Any]) -> Offer:
    fragments = hit.get("highlight", {}).get("intitule") or [None]
    source = OffreSummary.model_validate(hit["_source"])
    return Offer(source, float(hit["_score"] or 0.0), fragments[0])


def _euros(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def market_of(agg: dict[str, Any]) -> Market:
    """Market figures from one `market_aggs` result."""
    quartiles = agg["salaires"]["values"]
    return Market(
        offres=int(agg["doc_count"]),
        contrats=bucket_values(agg["contrats"]),
        salaire_mensuel=Salary(
            _euros(quartiles.get("25.0")),
            _euros(quartiles.get("50.0")),
            _euros(quartiles.get("75.0")),
            int(agg["avec_salaire"]["doc_count"]),
        ),
        secteurs=bucket_values(agg["secteurs"]),
        semaines=[
            (b["key_as_string"][:10], int(b["doc_count"]))
            for b in agg["semaines"]["values"]["buckets"]
        ],
    )


class OffresService:
    """The offers index over one engine and the query encoder."""

    def __init__(self, engine: Engine, encoder: QueryEncoder, rrf_k: int) -> None:
        self.engine = engine
        self.encoder = encoder
        self.rrf_k = rrf_k

    async def search(
        self,
        q: str,
        mode: Mode,
        filters: Filters,
        *,
        published: str | None,
        page: int,
        size: int,
    ) -> OfferPage:
        """Offers by title (lexical, semantic or both fused), filtered and faceted."""
        text = clean_query(q) if q.strip() else ""
        window = page * size
        lexical, facet_body = queries.offer_search_bodies(
            text, filters, 0 if mode == "semantic" and text else window
        )
        response, counted = await asyncio.gather(
            self.engine.search((OFFRES,), lexical), self.engine.search((OFFRES,), facet_body)
        )
        hits = [_offer(h) for h in response["hits"]["hits"]]
        if text and mode != "lexical":
            vector = await self.encoder.encode(text)
            knn = await self.engine.search(
                (OFFRES,), queries.offer_knn_body(vector, window, filters)
            )
            semantic = [_offer(h) for h in knn["hits"]["hits"]]
            if mode == "semantic":
                hits = semantic
            else:
                fused = fuse(hits, semantic, lambda o: o.source.id, self.rrf_k)
                hits = [Offer(o.source, score, o.highlight) for o, score in fused]
        raw = dict(counted["aggregations"])
        dates = raw.pop(queries.PUBLISHED)
        facets = facet_counts(raw, filters)
        facets[queries.PUBLISHED] = [
            FacetCount(b["key"], b["key"], int(b["doc_count"]), published == b["key"])
            for b in dates["values"]["buckets"]
        ]
        total = int(response["hits"]["total"]["value"])
        return OfferPage(hits[(page - 1) * size : window], total, facets)

    async def territory(self, kind: str, code: str) -> Territory:
        """The région or département of that code; 404 if there is none."""
        found = await self.engine.get("territoires", f"{kind}-{code}")
        if found is None:
            raise NotFoundError(f"no {kind} {code}")
        place = TerritoireDoc.model_validate(found)
        region = given(place.region)
        return Territory(kind, code, place.libelle, region.code if region else None)

    async def sample(self) -> Sample | None:
        """The sample the offers come from, if the indexer loaded one."""
        mappings = await guarded(
            self.engine.es.indices.get_mapping(index=self.engine.alias(OFFRES))
        )
        found = (sample_of(m["mappings"].get("_meta", {})) for m in mappings.body.values())
        return next((s for s in found if s is not None), None)

    async def provenance(self) -> Literal["sample"] | None:
        """ "sample" when the offers come from the sample of real offers, else None."""
        return SAMPLE if await self.sample() is not None else None

    async def market(
        self, code_rome: str, territory: Territory | None
    ) -> tuple[Market, Market | None]:
        """National figures of a fiche's offers, and local ones in the territory if given; the
        weekly trend ends today, or on the newest offer of a sample."""
        scope = {"term": {f"{territory.type}.code": territory.code}} if territory else None
        sample = await self.sample()
        until = sample.newest if sample else None
        body = queries.market_body(code_rome, scope, until)
        response = await self.engine.search((OFFRES,), body)
        aggs = response["aggregations"]
        local = market_of(aggs["territoire"]) if scope else None
        return market_of(aggs["national"]), local

    async def counts(self, selected: dict[str, tuple[str, ...]]) -> dict[str, int]:
        """Offers per fiche in the territory: a fiche métier counts its fiches emploi's."""
        response = await self.engine.search((OFFRES,), queries.offer_counts_body(selected))
        aggs = response["aggregations"]
        counts = {b["key"]: int(b["doc_count"]) for b in aggs["fiches"]["buckets"]}
        counts.update({b["key"]: int(b["doc_count"]) for b in aggs["parents"]["buckets"]})
        return counts

    async def territory_facets(
        self, codes: list[str], selected: dict[str, tuple[str, ...]]
    ) -> dict[str, list[FacetCount]]:
        """Offers of these fiches per région and département (multi-select)."""
        if not codes:
            return {name: [] for name in queries.TERRITORY_FACETS}
        body = queries.territory_facets_body(codes, selected)
        response = await self.engine.search((OFFRES,), body)
        chosen = Filters({k: v for k, v in selected.items() if k in queries.TERRITORY_FACETS})
        return facet_counts(response["aggregations"], chosen)
