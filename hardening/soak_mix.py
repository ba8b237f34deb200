"""What the soak sends: a visitor's mix of the API's endpoints, every query string distinct
(real ad titles, what people type, commune names, ad texts), so no cache hides a leak."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from pydantic import BaseModel

from evaluation.bench_queries import distinct_titles
from evaluation.data import read_jsonl
from hardening.load import Call
from indexer.territoires import load_territoires
from search_api.search.queries import clean_query

# One cycle of the mix, spread out: 16 requests, searching and typing first, as a search box.
CYCLE = (
    *("autocomplete", "lexical search", "fiche", "hybrid search", "autocomplete", "territoire"),
    *("lexical search", "proches", "autocomplete", "hybrid search", "extract", "fiche"),
    *("autocomplete", "lexical search", "territoire", "hybrid search"),
)
MAX_QUERY = 200  # the API's longest query; a few ad titles are longer
EXTRACT_CHARS = 300  # "a short text": a paragraph of what one did, not a whole ad
PLACE_LENGTHS = (3, 4, 5, 6)  # letters of a commune typed before picking it
# Letters of a title typed before a suggestion is picked: the evaluation's 3, 5 and 8 and the
# lengths between, so that (nearly) every title gives a prefix no other request sends.
TYPED_LENGTHS = tuple(range(3, 13))
# Load clients: the API's rate limiter keys on the client address (uvicorn takes it from
# X-Forwarded-For sent by loopback), so the soak goes through the limiter as this many visitors
# (TEST-NET-2 addresses), each far below the per-client rate.
IDENTITIES = 250


@dataclass(frozen=True)
class Pools:
    """What each kind of request draws from, in order; every string used once per lap."""

    titles: Sequence[str]
    prefixes: Sequence[str]
    places: Sequence[str]
    fiches: Sequence[str]
    texts: Sequence[str]


def beginnings(texts: Sequence[str], lengths: Sequence[int]) -> list[str]:
    """What people type: each text cut at the next of `lengths` in turn, or at the following
    ones if that beginning was already taken; texts with no new beginning are left out."""
    taken: dict[str, None] = {}
    for i, text in enumerate(texts):
        turn = [*lengths[i % len(lengths) :], *lengths[: i % len(lengths)]]
        typed = (text[:n] for n in turn)
        if fresh := next((t for t in typed if t.strip() and t not in taken), None):
            taken[fresh] = None
    return list(taken)


def short_text(text: str) -> str:
    """The beginning of an ad, cut at a word under EXTRACT_CHARS characters."""
    if len(text) <= EXTRACT_CHARS:
        return text
    return text[:EXTRACT_CHARS].rsplit(" ", 1)[0]


def _query(**params: str) -> str:
    return urlencode(params)


PATHS: dict[str, Callable[[str], str]] = {  # GET path of each kind, for an item of its pool
    "lexical search": lambda q: "/v1/search?" + _query(q=q[:MAX_QUERY], mode="lexical"),
    "hybrid search": lambda q: "/v1/search?" + _query(q=q[:MAX_QUERY]),  # hybrid by default
    "autocomplete": lambda typed: "/v1/autocomplete?" + _query(q=typed),
    "fiche": lambda code: f"/v1/metiers/{code}",
    "proches": lambda code: f"/v1/metiers/{code}/proches",
    "territoire": lambda typed: "/v1/territoires/search?" + _query(q=typed),
}
EXTRACT = "/v1/competences/extract"  # the only POST: {"text": ...}


def _call(kind: str, item: str, headers: tuple[tuple[str, str], ...]) -> Call:
    """One request of a kind (searches count the search page's facets, as by default)."""
    if kind == "extract":
        return Call(EXTRACT, {"text": item}, headers, kind)
    return Call(PATHS[kind](item), None, headers, kind)


def build_calls(pools: Pools, count: int) -> list[Call]:
    """`count` requests of the mix; each kind walks its own pool, round and round."""
    pool = {
        "lexical search": pools.titles,
        "hybrid search": pools.titles,
        "autocomplete": pools.prefixes,
        "fiche": pools.fiches,
        "proches": pools.fiches,
        "territoire": pools.places,
        "extract": pools.texts,
    }
    drawn = dict.fromkeys(pool, 0)
    drawn["hybrid search"] = len(pools.titles) // 2  # not the titles the lexical ones send
    calls = []
    for i in range(count):
        kind = CYCLE[i % len(CYCLE)]
        items = pool[kind]
        identity = (("x-forwarded-for", f"198.51.100.{i % IDENTITIES + 1}"),)
        calls.append(_call(kind, items[drawn[kind] % len(items)], identity))
        drawn[kind] += 1
    return calls


class _Title(BaseModel):
    query: str


class _Ad(BaseModel):
    text: str


def read_pools(train_dir: Path, territoires_dir: Path, fiches: Sequence[str], seed: int) -> Pools:
    """The pools from the training ads (titles, descriptions) and the commune names."""
    written = read_jsonl(train_dir / "titles.jsonl", _Title)
    titles = distinct_titles([t.query for t in written], seed)
    ads = read_jsonl(train_dir / "descriptions.jsonl", _Ad)
    communes = load_territoires(territoires_dir).communes.values()
    return Pools(
        titles=titles,
        prefixes=beginnings([clean_query(t).lower() for t in titles], TYPED_LENGTHS),
        places=beginnings([c.libelle for c in communes], PLACE_LENGTHS),
        fiches=list(fiches),
        texts=list(dict.fromkeys(short_text(ad.text) for ad in ads if ad.text.strip())),
    )
