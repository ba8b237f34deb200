"""Search execution: sends the bodies built in `queries`, fuses and shapes the results."""

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, TypeVar

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, ObjectApiResponse
from elasticsearch import AsyncElasticsearch, NotFoundError

from search_api import queries
from search_api.encoder import QueryEncoder
from search_api.errors import EngineUnavailableError
from search_api.schemas import EntityType, FacetValue, Mode

T = TypeVar("T")

ENTITY_OF_TYPE: dict[EntityType, str] = {
    "appellation": "appellations",
    "fiche": "fiches",
    "competence": "competences",
    "savoir": "savoirs",
}
TYPE_OF_ENTITY = {entity: kind for kind, entity in ENTITY_OF_TYPE.items()}
FACETED_ENTITIES = ("appellations", "fiches")  # the documents that carry facet fields
SOURCE = ["libelle", "fiche", "parent", "classification"]
MAX_WINDOW = 200  # ranks fused per leg; deeper pages are not worth two full searches


@dataclass(frozen=True)
class Hit:
    """One fused result, before it is shaped for a route."""

    entity: str
    id: str
    score: float
    source: dict[str, Any]
    highlight: str | None


async def guarded(call: Awaitable[T]) -> T:
    """Await an Elasticsearch call; engine trouble becomes a 503, never a 500."""
    try:
        return await call
    except (TransportConnectionError, ConnectionTimeout) as e:
        raise EngineUnavailableError(f"Elasticsearch did not answer: {e.message}") from e
    except NotFoundError as e:
        raise EngineUnavailableError(
            "the search indices do not exist yet: run `metierscope index`"
        ) from e


class SearchService:
    """The queries of the API over one Elasticsearch client and one query encoder."""

    def __init__(
        self, es: AsyncElasticsearch, encoder: QueryEncoder, prefix: str, rrf_k: int
    ) -> None:
        self.es = es
        self.encoder = encoder
        self.prefix = prefix
        self.rrf_k = rrf_k

    def alias(self, entity: str) -> str:
        """Alias of an entity's index."""
        return f"{self.prefix}-{entity}"

    def entity_of(self, index: str) -> str:
        """Entity of a physical index name `<prefix>-<entity>-<stamp>`."""
        return index.removeprefix(f"{self.prefix}-").split("-", 1)[0]

    def _hits(self, response: ObjectApiResponse[Any]) -> list[Hit]:
        out = []
        for hit in response["hits"]["hits"]:
            fragments = hit.get("highlight", {})
            text = (fragments.get("libelle") or fragments.get("libelle.prefix") or [None])[0]
            out.append(
                Hit(
                    self.entity_of(hit["_index"]),
                    hit["_id"],
                    float(hit["_score"] or 0.0),
                    hit["_source"],
                    text,
                )
            )
        return out

    async def ranked(
        self,
        q: str,
        entities: tuple[str, ...],
        mode: Mode,
        filters: queries.Filters,
        window: int,
        *,
        with_facets: bool,
    ) -> tuple[list[Hit], int, dict[str, Any]]:
        """Hits of the requested mode (lexical, kNN or their RRF fusion), total and raw aggs."""
        q = queries.clean_query(q)
        index = ",".join(self.alias(e) for e in entities)
        window = min(window, MAX_WINDOW)
        lexical_body: dict[str, Any] = {
            "query": queries.lexical_query(q, entities, filters),
            "size": 0 if mode == "semantic" else window,
            "source_includes": SOURCE,
            "highlight": queries.highlight(q),
            "track_total_hits": True,
        }
        if with_facets:
            lexical_body["aggs"] = queries.facet_aggs(filters)
        post = queries.post_filter(filters)
        if post:
            lexical_body["post_filter"] = post
        calls: list[Awaitable[Any]] = []
        if mode != "semantic" or with_facets:
            calls.append(guarded(self.es.search(index=index, **lexical_body)))
        if mode != "lexical":
            vector = await self.encoder.encode(q)
            knn = queries.knn_clause(vector, window, filters)
            calls.append(
                guarded(self.es.search(index=index, knn=knn, size=window, source_includes=SOURCE))
            )
        responses = await asyncio.gather(*calls)
        lexical = responses[0] if mode != "semantic" or with_facets else None
        semantic = responses[-1] if mode != "lexical" else None
        aggs = lexical.get("aggregations", {}) if lexical is not None else {}
        if mode == "lexical":
            assert lexical is not None
            return self._hits(lexical), int(lexical["hits"]["total"]["value"]), aggs
        assert semantic is not None
        if mode == "semantic":
            hits = self._hits(semantic)
            return hits, len(hits), aggs
        assert lexical is not None
        return (
            self._fuse(self._hits(lexical), self._hits(semantic)),
            int(lexical["hits"]["total"]["value"]),
            aggs,
        )

    def _fuse(self, lexical: list[Hit], semantic: list[Hit]) -> list[Hit]:
        by_key: dict[str, Hit] = {}
        for hit in semantic + lexical:  # lexical last: its highlight wins
            key = f"{hit.entity}:{hit.id}"
            previous = by_key.get(key)
            by_key[key] = hit if previous is None or hit.highlight else previous
        fused = queries.rrf(
            [[f"{h.entity}:{h.id}" for h in lexical], [f"{h.entity}:{h.id}" for h in semantic]],
            self.rrf_k,
        )
        return [
            Hit(
                by_key[key].entity, by_key[key].id, score, by_key[key].source, by_key[key].highlight
            )
            for key, score in fused.items()
        ]

    def facets(self, aggs: dict[str, Any], filters: queries.Filters) -> dict[str, list[FacetValue]]:
        """Facet values with counts and selection flags, from the raw aggregations."""
        out: dict[str, list[FacetValue]] = {}
        for name, agg in aggs.items():
            chosen = set(filters.selected.get(name, ()))
            values = []
            for bucket in agg["values"]["buckets"]:
                raw = str(bucket.get("key_as_string", bucket["key"]))
                if name == "type":
                    entity = self.entity_of(raw)
                    raw = TYPE_OF_ENTITY.get(entity, entity)
                labels = bucket.get("label", {}).get("buckets", [])
                label = str(labels[0]["key"]) if labels else raw
                values.append(
                    FacetValue(
                        value=raw, label=label, count=bucket["doc_count"], selected=raw in chosen
                    )
                )
            out[name] = values
        return out

    async def get(self, entity: str, code: str) -> dict[str, Any] | None:
        """One document by code, without its vector, or None if there is no such code."""
        try:
            doc = await self.es.get(index=self.alias(entity), id=code, source_excludes=["vector"])
        except NotFoundError as e:
            if isinstance(e.body, dict) and e.body.get("found") is False:
                return None
            raise EngineUnavailableError(
                "the search indices do not exist yet: run `metierscope index`"
            ) from e
        except (TransportConnectionError, ConnectionTimeout) as e:
            raise EngineUnavailableError(f"Elasticsearch did not answer: {e.message}") from e
        return dict(doc["_source"])

    async def autocomplete(self, q: str, size: int) -> list[Hit]:
        """Suggestions for the characters typed so far."""
        index = ",".join(self.alias(e) for e in queries.AUTOCOMPLETE_TYPES)
        response = await guarded(
            self.es.search(
                index=index,
                query=queries.autocomplete_query(q),
                indices_boost=[
                    {self.alias(e): b} for e, b in queries.AUTOCOMPLETE_INDEX_BOOST.items()
                ],
                size=size * 2,  # room to drop duplicate labels
                source_includes=SOURCE,
                highlight=queries.highlight(q, "libelle.prefix"),
            )
        )
        seen: set[str] = set()
        hits = []
        for hit in self._hits(response):
            label = str(hit.source.get("libelle", "")).casefold()
            if label not in seen:
                seen.add(label)
                hits.append(hit)
        return hits[:size]


PROCHE_SOURCE = ["libelle", "macro_codes", "competences", "mobilites"]


def macro_labels(fiche: dict[str, Any]) -> dict[str, str]:
    """Macro-compétence code -> label, from a fiche's grouped compétences."""
    return {m["code_ogr"]: m["libelle"] for g in fiche.get("competences", []) for m in g["macros"]}


def proximity(source: dict[str, Any], target: dict[str, Any]) -> tuple[float, list[str], list[str]]:
    """Jaccard similarity of the two fiches' macro-compétences, shared and missing codes."""
    mine, theirs = set(source.get("macro_codes", [])), set(target.get("macro_codes", []))
    union = mine | theirs
    score = len(mine & theirs) / len(union) if union else 0.0
    return score, sorted(mine & theirs), sorted(theirs - mine)


@dataclass(frozen=True)
class ProcheRow:
    """A close fiche with its proximity to the source."""

    code: str
    fiche: dict[str, Any]
    ordre: int | None
    score: float
    shared: list[str]
    missing: list[str]


async def fetch_proches(
    service: SearchService, code_rome: str, size: int
) -> tuple[dict[str, Any], list[ProcheRow]] | None:
    """The source fiche and its close métiers: official mobilités, then by shared macros."""
    alias = service.alias("fiches")
    source = await service.get("fiches", code_rome)
    if source is None:
        return None
    official = {m["code"]: m["ordre"] for m in source.get("mobilites", [])}
    computed = await guarded(
        service.es.search(
            index=alias,
            query=queries.shared_macros_query(code_rome, list(source.get("macro_codes", []))),
            size=queries.PROCHES_CANDIDATES,
            source_includes=PROCHE_SOURCE,
        )
    )
    targets = {h["_id"]: h["_source"] for h in computed["hits"]["hits"]}
    missing_official = [c for c in official if c not in targets]
    if missing_official:
        found = await guarded(
            service.es.mget(index=alias, ids=missing_official, source_includes=PROCHE_SOURCE)
        )
        targets.update({d["_id"]: d["_source"] for d in found["docs"] if d.get("found")})
    rows = []
    for code, target in targets.items():
        score, shared, missing = proximity(source, target)
        rows.append(ProcheRow(code, target, official.get(code), score, shared, missing))
    rows.sort(key=lambda r: (r.ordre is None, r.ordre or 0, -r.score))
    return source, rows[: max(size, len(official))]
