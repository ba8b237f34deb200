"""Sentence embeddings behind one small interface, with a content-hash vector cache."""

from embeddings.base import Embedder, EmbeddingContract
from embeddings.cache import CachedEmbedder
from embeddings.factory import load_embedder

__all__ = ["CachedEmbedder", "Embedder", "EmbeddingContract", "load_embedder"]
