"""Offline measurement and training: relevance and extraction evaluation, the benchmark, and
the learned components' training (`titles/`, `descriptions/`). Services are built from the
API's own settings class, so every body sent is one the API's queries modules build."""
