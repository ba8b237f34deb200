"""A real two-node cluster on one machine: distinct ports and folders, replicas allocated."""

import pytest
from elasticsearch import Elasticsearch

from indexer.engine import embedded_cluster

pytestmark = pytest.mark.integration

HTTP_PORT = 9270  # away from the default node (9200) so both can run at once


def test_two_nodes_form_one_cluster_and_hold_a_replica(es, engine_settings):
    settings = engine_settings.model_copy(update={"es_heap": "512m"})
    cluster = embedded_cluster(settings, nodes=2, http_port=HTTP_PORT)
    cluster.start()
    try:
        client = Elasticsearch(cluster.url, request_timeout=60)
        client.indices.create(
            index="replicated", settings={"number_of_shards": 1, "number_of_replicas": 1}
        )
        health = client.cluster.health(index="replicated", wait_for_status="green", timeout="60s")
        assert health["number_of_nodes"] == 2
        assert health["active_shards"] == 2
        assert {s.http_port for s in cluster.specs} == {HTTP_PORT, HTTP_PORT + 1}
        client.indices.delete(index="replicated")
        client.close()
    finally:
        assert set(cluster.stop()) == {"node-0", "node-1"}
    assert cluster.running() == []
