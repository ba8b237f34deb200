"""Multi-select facets: selections, the aggregations that count them, buckets to values.

Selected values go in `post_filter`; each facet's aggregation is filtered by every other
selection, so a facet keeps showing the counts of its alternatives.
"""

from dataclasses import dataclass, field
from typing import Any

FacetFields = dict[str, tuple[str, str | None]]  # name -> (value field, label field or None)
FACET_SIZE = 50  # enough for every grand domaine, secteur and centre d'intérêt


@dataclass(frozen=True)
class Filters:
    """Facet selections: several values of one facet are OR-ed, facets are AND-ed."""

    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facets: FacetFields = field(default_factory=dict)
    extra: tuple[dict[str, Any], ...] = ()  # filters that are not facets (dates, territory...)

    def clauses(self, *, skip: str | None = None) -> list[dict[str, Any]]:
        """Filter clauses for every selected facet except `skip`, and the extra filters."""
        out = list(self.extra)
        for name, values in sorted(self.selected.items()):
            if name != skip and values:
                out.append({"terms": {self.facets[name][0]: list(values)}})
        return out

    @property
    def active(self) -> bool:
        """True if any facet value or extra filter is selected."""
        return bool(self.extra) or any(self.selected.values())


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet with its count under the other selections."""

    value: str
    label: str
    count: int
    selected: bool


def facet_aggs(filters: Filters, size: int = FACET_SIZE) -> dict[str, Any]:
    """One aggregation per facet, filtered by every selection but its own (multi-select)."""
    aggs: dict[str, Any] = {}
    for name, (value_field, label_field) in filters.facets.items():
        terms: dict[str, Any] = {"terms": {"field": value_field, "size": size}}
        if label_field:
            terms["aggs"] = {"label": {"terms": {"field": label_field, "size": 1}}}
        others = filters.clauses(skip=name)
        aggs[name] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": terms}}
    return aggs


def post_filter(filters: Filters) -> dict[str, Any] | None:
    """Selections applied to hits after aggregations were counted."""
    clauses = filters.clauses()
    return {"bool": {"filter": clauses}} if clauses else None


def bucket_values(
    agg: dict[str, Any], chosen: set[str] | frozenset[str] = frozenset()
) -> list[FacetCount]:
    """Facet values of a terms aggregation whose buckets may carry a `label` sub-aggregation."""
    out = []
    for bucket in agg["buckets"]:
        value = str(bucket.get("key_as_string", bucket["key"]))
        labels = bucket.get("label", {}).get("buckets", [])
        label = str(labels[0]["key"]) if labels else value
        out.append(FacetCount(value, label, int(bucket["doc_count"]), value in chosen))
    return out


def facet_counts(aggs: dict[str, Any], filters: Filters) -> dict[str, list[FacetCount]]:
    """Every facet of the response of `facet_aggs`, with selection flags."""
    return {
        name: bucket_values(agg["values"], set(filters.selected.get(name, ())))
        for name, agg in aggs.items()
    }
