"""The job market section of a fiche: figures side by side and the weekly chart's bars."""

from dataclasses import dataclass

from models.offres import OffreSummary
from models.refs import given
from search_api.offres.service import Market

CHART_HEIGHT = 120  # SVG units of the tallest bar
BAR_WIDTH = 24
BAR_GAP = 8


@dataclass(frozen=True)
class Bar:
    """One week of the chart: where its bar goes (SVG units) and what it counts."""

    x: int
    y: int
    height: int
    week: str
    count: int


@dataclass(frozen=True)
class Row:
    """A row of a side-by-side table: a label and its figure in the territory and nationally."""

    label: str
    local: int | None
    national: int


def bars(weeks: list[tuple[str, int]]) -> list[Bar]:
    """Bars of a weekly trend scaled to the busiest week (a week with offers shows at least
    one unit, so a small count does not vanish)."""
    peak = max((n for _, n in weeks), default=0)
    out = []
    for i, (week, n) in enumerate(weeks):
        height = max(1, round(n / peak * CHART_HEIGHT)) if n else 0
        out.append(Bar(i * (BAR_WIDTH + BAR_GAP), CHART_HEIGHT - height, height, week, n))
    return out


def chart_width(weeks: list[tuple[str, int]]) -> int:
    """Width of the chart's drawing in SVG units."""
    return max(1, len(weeks) * (BAR_WIDTH + BAR_GAP) - BAR_GAP)


def contract_rows(national: Market, local: Market | None) -> list[Row]:
    """Offers per contract type, national order, with the territory's figure beside."""
    mine = {c.value: c.count for c in local.contrats} if local else {}
    labels = {c.value: c.label for c in national.contrats}
    return [
        Row(labels[c.value], mine.get(c.value, 0) if local else None, c.count)
        for c in national.contrats
    ]


def week_rows(national: Market, local: Market | None) -> list[Row]:
    """Offers per week, national and in the territory (the same weeks in both)."""
    mine = dict(local.semaines) if local else {}
    return [Row(week, mine.get(week, 0) if local else None, n) for week, n in national.semaines]


def where(offer: OffreSummary) -> str:
    """Where an offer is: its commune, else its département, else that it is not given."""
    place = given(offer.commune) or given(offer.departement)
    return place.libelle if place else "lieu non précisé"
