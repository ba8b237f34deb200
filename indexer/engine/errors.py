"""Errors of the embedded engine, shown to the operator as one clear line."""


class EngineError(RuntimeError):
    """The embedded Elasticsearch could not be provisioned, started, stopped or reached."""
