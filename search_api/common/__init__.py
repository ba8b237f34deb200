"""Mechanics every feature shares: the engine gateway, rank fusion, facets, API schemas."""
