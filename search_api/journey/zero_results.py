"""Searches that found nothing, kept as counts of normalised queries in a bounded table (to
improve the synonyms): no address, no user, no time, and never more than `capacity` entries."""

import re
import threading
import unicodedata
from dataclasses import dataclass

MAX_QUERY = 80  # characters kept of a normalised query; longer ones are pasted text
# A query with an e-mail address or a long run of digits (phone, social security, IBAN) may
# identify someone: it is counted in the total but never listed.
PERSONAL = re.compile(r"@|\d(?:[\s.-]?\d){5,}")


def normalise(query: str) -> str | None:
    """The query as counted (Unicode-normalised, case-folded, one space between words, cut
    to `MAX_QUERY`), or None when it is empty or may identify someone."""
    text = " ".join(unicodedata.normalize("NFKC", query).casefold().split())[:MAX_QUERY]
    if not text or PERSONAL.search(text):
        return None
    return text.rstrip()


@dataclass(frozen=True)
class Counted:
    """A listed query: its count, and by how much that count may be too high."""

    query: str
    count: int
    overcount: int


class TopQueries:
    """The most frequent queries among at most `capacity` tracked, by the Space-Saving
    algorithm (Metwally, Agrawal, El Abbadi, 2005): when the table is full, a new query
    replaces the least counted one and inherits its count, recorded as a possible overcount.
    Any query seen more than total/capacity times is guaranteed to be in the table."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._counts: dict[str, int] = {}
        self._over: dict[str, int] = {}
        self._lock = threading.Lock()  # the pages may count from worker threads too

    def add(self, query: str) -> None:
        """Count one occurrence."""
        with self._lock:
            if query in self._counts:
                self._counts[query] += 1
                return
            inherited = 0
            if len(self._counts) >= self.capacity:
                evicted = min(self._counts, key=self._counts.__getitem__)
                inherited = self._counts.pop(evicted)
                self._over.pop(evicted)
            self._counts[query] = inherited + 1
            self._over[query] = inherited

    def top(self, n: int) -> list[Counted]:
        """The `n` most counted, most first (ties alphabetical)."""
        with self._lock:
            ranked = sorted(self._counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
            return [Counted(q, c, self._over[q]) for q, c in ranked]
