"""Autocomplete on title prefixes: is the appellation the ad meant among the suggestions
after its first 3, 5 and 8 letters, and after 8 letters typed with one slip ("infimrie")?
Top-1 / top-5 among the appellations suggested.

Prefixes come from the titles as typed, after the query cleaning the ranker applies (gender
markers, contracts and places removed), so "Infirmier H/F" is typed as "inf", "infir",
"infirmie". Two orders are measured in the same run: the API's (completion inputs weighed by
popularity at indexing time, then its fallback passes) and, as the baseline, the word-prefix
query alone in the engine's order (what the search box suggested before it learned anything).
The popularity is learned from the training titles: on those titles the figure is in-sample
(an upper bound); the dev titles are out of sample.
"""

import asyncio
import random
import string
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from evaluation.relevance import LabelledQuery, read_labelled
from evaluation.services import api_services
from ranking.query import clean_title
from search_api.search.service import SearchService
from search_api.settings import ApiSettings

Suggest = Callable[[str], Awaitable[list[tuple[str, str]]]]  # prefix -> (entity, id) in order

LETTERS = (3, 5, 8)
TYPO = "8 letters, one typo"  # the column of the first 8 letters with one edit past the 2nd
COLUMNS = (*(f"{n} letters" for n in LETTERS), TYPO)
SUGGESTIONS = 8  # the API's default
SAMPLE = 600  # training titles measured (every n-th, for a bounded run)
TYPO_SEED = 7


def with_typo(typed: str, rng: random.Random) -> str:
    """The text (3 characters or more) with one slip after its first two: a letter dropped,
    replaced by another or swapped with the next (pure, given the generator's state)."""
    kind = rng.choice("drs")
    i = rng.randrange(2, len(typed) - (kind == "s"))
    if kind == "d":
        return typed[:i] + typed[i + 1 :]
    if kind == "r":
        other = rng.choice([c for c in string.ascii_lowercase if c != typed[i]])
        return typed[:i] + other + typed[i + 1 :]
    return typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]


def _prefixes(labels: Sequence[LabelledQuery]) -> list[tuple[str, str, str]]:
    """(prefix, appellation code, column) for every labelled title long enough; the 8-letter
    prefixes of letters and spaces only are typed a second time with a typo."""
    rng = random.Random(TYPO_SEED)  # noqa: S311 (the same slips on every run, no secret)
    out = []
    for label in labels:
        typed = clean_title(label.query)
        if label.appellation_code is None:
            continue
        for n in LETTERS:
            if len(typed) >= n:
                out.append((typed[:n], label.appellation_code, f"{n} letters"))
        if len(typed) >= LETTERS[-1] and typed[: LETTERS[-1]].replace(" ", "").isalpha():
            out.append((with_typo(typed[: LETTERS[-1]], rng), label.appellation_code, TYPO))
    return out


def served(service: SearchService) -> Suggest:
    """The API's suggestions."""

    async def suggest(prefix: str) -> list[tuple[str, str]]:
        return [(h.entity, h.id) for h in await service.autocomplete(prefix, SUGGESTIONS)]

    return suggest


def word_prefixes(service: SearchService) -> Suggest:
    """Baseline: the word-prefix query alone, in the engine's order, each label once."""
    plain = SearchService(service.engine, service.encoder, service.rrf_k)  # no learned order

    async def suggest(prefix: str) -> list[tuple[str, str]]:
        return [(h.entity, h.id) for h in await plain.word_suggestions(prefix, SUGGESTIONS)]

    return suggest


async def _score(suggest: Suggest, prefixes: list[tuple[str, str, str]]) -> dict[str, float]:
    hits = {column: [0, 0, 0] for column in COLUMNS}  # top-1, top-5, count
    for prefix, wanted, column in prefixes:
        codes = [code for entity, code in await suggest(prefix) if entity == "appellations"]
        hits[column][0] += codes[:1] == [wanted]
        hits[column][1] += wanted in codes[:5]
        hits[column][2] += 1
    out: dict[str, float] = {}
    for column, (top1, top5, count) in hits.items():
        out[f"{column} top-1"] = top1 / max(count, 1)
        out[f"{column} top-5"] = top5 / max(count, 1)
        out[f"{column} n"] = float(count)
    return out


async def evaluate_prefixes(
    settings: ApiSettings, sets: dict[str, list[LabelledQuery]]
) -> dict[str, dict[str, dict[str, float]]]:
    """Per labelled set: the API's suggestions and the word-prefix baseline."""
    report: dict[str, dict[str, dict[str, float]]] = {}
    async with api_services(settings) as services:
        orders = {
            "served": served(services.search),
            "word prefixes": word_prefixes(services.search),
        }
        for name, labels in sets.items():
            prefixes = _prefixes(labels)
            report[name] = {order: await _score(s, prefixes) for order, s in orders.items()}
    return report


def run_prefix_evaluation(
    settings: ApiSettings, dev: Path, train: Path | None
) -> dict[str, dict[str, dict[str, float]]]:
    """Synchronous entry point: the dev titles, and a sample of the training titles."""
    sets = {"dev": read_labelled(dev)}
    if train is not None and train.is_file():
        titles = read_labelled(train)
        sets["train (in-sample)"] = titles[:: max(1, len(titles) // SAMPLE)]
    return asyncio.run(evaluate_prefixes(settings, sets))
