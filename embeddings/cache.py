"""Content-hash vector cache: a re-index embeds only texts it has never seen.

One SQLite file per model; key = sha256(role, text). Vectors are stored as float32 bytes.
"""

import hashlib
import re
import sqlite3
from pathlib import Path

import numpy as np

from embeddings.base import Embedder, EmbeddingContract, Vectors


def text_key(role: str, text: str) -> str:
    """Stable key of one text in one role (passage or query)."""
    return hashlib.sha256(f"{role}\0{text}".encode()).hexdigest()


class CachedEmbedder:
    """Wraps an embedder; looks texts up by content hash before computing them."""

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self._inner = inner
        cache_dir.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", inner.contract.model)
        self.path = cache_dir / f"vectors-{safe}-{inner.contract.dims}.sqlite"
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS v (k TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self.hits = 0
        self.misses = 0

    @property
    def contract(self) -> EmbeddingContract:
        return self._inner.contract

    def _lookup(self, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT k, vec FROM v WHERE k IN ({marks})", chunk)  # noqa: S608
            found.update(rows.fetchall())
        return found

    def _embed(self, texts: list[str], role: str) -> Vectors:
        dims = self.contract.dims
        keys = [text_key(role, t) for t in texts]
        found = self._lookup(keys)
        missing = list({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        if missing:
            compute = self._inner.passages if role == "passage" else self._inner.queries
            vectors = compute([t for _, t in missing])
            new = {
                k: v.astype(np.float32).tobytes()
                for (k, _), v in zip(missing, vectors, strict=True)
            }
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO v VALUES (?, ?)", new.items())
            found.update(new)
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        out = np.empty((len(texts), dims), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = np.frombuffer(found[key], dtype=np.float32, count=dims)
        return out

    def passages(self, texts: list[str]) -> Vectors:
        return self._embed(texts, "passage")

    def queries(self, texts: list[str]) -> Vectors:
        return self._embed(texts, "query")

    def close(self) -> None:
        self._db.close()
