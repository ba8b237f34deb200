"""The person's own text as safe HTML: the words behind a compétence in `<mark>`, the negated
clauses struck through with why they were ignored. Everything typed is escaped; only the
tags written here become markup."""

from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

Span = tuple[int, int]  # character offsets [start, end) in the text
IGNORED = Markup(' <span class="badge muted">ignoré : négation</span>')
TAGS = {"mark": Markup("<mark>%s</mark>"), "s": Markup("<s>%s</s>")}


def merged(spans: Iterable[Span]) -> list[Span]:
    """The spans sorted, overlapping or touching ones joined, empty ones dropped."""
    out: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def marked(text: str, spans: Iterable[Span], ignored: Iterable[Span] = ()) -> Markup:
    """The text escaped, `spans` in <mark>, `ignored` spans in <s> followed by a badge; a mark
    inside an ignored span is left out (its words were not read)."""
    skipped = merged(ignored)
    marks = [m for m in merged(spans) if not any(a < m[1] and m[0] < b for a, b in skipped)]
    pieces = sorted([(s, e, "mark") for s, e in marks] + [(s, e, "s") for s, e in skipped])
    out: list[Markup] = []
    last = 0
    for start, end, tag in pieces:
        out.append(escape(text[last:start]))
        out.append(TAGS[tag] % text[start:end])
        if tag == "s":
            out.append(IGNORED)
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def excerpts(text: str, clauses: Sequence[Span], spans: Iterable[Span]) -> list[Markup]:
    """For each clause holding some of the spans, in text order, the clause with those spans
    marked; a span outside every clause stands alone."""
    by_clause: dict[Span, list[Span]] = {}
    for start, end in merged(spans):
        clause = next(((a, b) for a, b in clauses if a <= start < b), (start, end))
        by_clause.setdefault(clause, []).append((start, min(end, clause[1])))
    return [
        marked(text[a:b].strip(), _shifted(text, a, b, found))
        for (a, b), found in sorted(by_clause.items())
    ]


def _shifted(text: str, start: int, end: int, spans: list[Span]) -> list[Span]:
    """Spans made relative to `text[start:end].strip()`."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    return [(s - start - lead, e - start - lead) for s, e in spans]
