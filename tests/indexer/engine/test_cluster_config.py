from pathlib import Path

from indexer.engine.cluster import node_config, node_specs


def test_nodes_get_consecutive_ports_and_their_own_folders():
    specs = node_specs(Path("/x"), 3, 9200, 9300)
    assert [(s.name, s.http_port, s.transport_port) for s in specs] == [
        ("node-0", 9200, 9300),
        ("node-1", 9201, 9301),
        ("node-2", 9202, 9302),
    ]
    assert len({s.root for s in specs}) == 3


def test_single_node_config_is_loopback_single_node_with_explicit_paths():
    (spec,) = node_specs(Path("/e/nodes"), 1, 9200, 9300)
    config = node_config(spec, [spec])
    assert 'network.host: "127.0.0.1"' in config
    assert 'discovery.type: "single-node"' in config
    assert 'path.data: "/e/nodes/node-0/data"' in config
    assert "seed_hosts" not in config


def test_multi_node_config_lists_every_peer():
    specs = node_specs(Path("/e"), 2, 9270, 9370)
    config = node_config(specs[1], specs)
    assert 'node.name: "node-1"' in config
    assert 'discovery.seed_hosts: ["127.0.0.1:9370", "127.0.0.1:9371"]' in config
    assert 'cluster.initial_master_nodes: ["node-0", "node-1"]' in config
    assert "single-node" not in config
