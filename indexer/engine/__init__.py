"""The embedded Elasticsearch: provisioned from Maven Central and started by the project."""

from indexer.engine.cluster import EmbeddedCluster
from indexer.engine.errors import EngineError
from indexer.engine.provision import Distribution, provision
from indexer.settings import Settings

__all__ = ["Distribution", "EmbeddedCluster", "EngineError", "embedded_cluster", "provision"]


def embedded_cluster(
    settings: Settings, *, nodes: int | None = None, http_port: int | None = None
) -> EmbeddedCluster:
    """The configured embedded cluster, provisioning the distribution first if needed.

    A cluster of N nodes keeps its folders apart from the default single node, so a
    failover test cluster never touches the development data.
    """
    count = nodes or settings.es_nodes
    port = http_port or settings.es_http_port
    dist = provision(settings.es_version, settings.engine_home, settings.java_home)
    folder = "nodes" if count == 1 and port == settings.es_http_port else f"nodes-{count}-{port}"
    return EmbeddedCluster(
        dist,
        settings.engine_home / folder,
        nodes=count,
        http_port=port,
        transport_port=settings.es_transport_port + (port - settings.es_http_port),
        heap=settings.es_heap,
        user=settings.es_user,
        timeout=settings.es_start_timeout,
    )
