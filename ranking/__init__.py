"""Runtime ranking code shared by the trainer and the API (no search_api / indexer imports)."""
