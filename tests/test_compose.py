"""docker-compose.yml parses as `docker compose config` would, and matches the embedded setup.

compose-check (tools/compose-check) loads the file with compose-go, the library behind
`docker compose config`; it is built with the Go toolchain of this machine.
"""

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from indexer.settings import Settings


@pytest.fixture(scope="session")
def compose_check(repo_root: Path) -> Path:
    tool = repo_root / ".metierscope" / "bin" / "compose-check"
    source = repo_root / "tools" / "compose-check"
    subprocess.run(["go", "build", "-o", str(tool), "."], cwd=source, check=True)
    return tool


def resolve(tool: Path, root: Path, *profiles: str, env: dict[str, str] | None = None) -> Any:
    done = subprocess.run(
        [str(tool), "docker-compose.yml", *profiles],
        cwd=root,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_default_is_one_node_of_the_embedded_version(compose_check, repo_root):
    project = resolve(compose_check, repo_root)
    services = project["services"]
    assert set(services) == {"elasticsearch", "indexer", "api"}
    image = services["elasticsearch"]["image"]
    assert image == f"docker.elastic.co/elasticsearch/elasticsearch:{Settings().es_version}"
    assert services["elasticsearch"]["environment"]["discovery.type"] == "single-node"


def test_services_start_in_dependency_order_with_healthchecks(compose_check, repo_root):
    services = resolve(compose_check, repo_root)["services"]
    assert services["indexer"]["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    api_deps = services["api"]["depends_on"]
    assert api_deps["indexer"]["condition"] == "service_completed_successfully"
    assert "healthcheck" in services["elasticsearch"]
    assert "healthcheck" in services["api"]
    assert services["api"]["environment"]["METIERSCOPE_ENGINE"] == "external"


def test_cluster_profile_has_three_discovering_nodes(compose_check, repo_root):
    project = resolve(compose_check, repo_root, "cluster", env={"ES_MODE": "cluster"})
    nodes = {name: s for name, s in project["services"].items() if "elasticsearch" in s["image"]}
    assert set(nodes) == {"elasticsearch", "es02", "es03"}
    for node in nodes.values():
        assert node["environment"]["discovery.seed_hosts"] == "elasticsearch,es02,es03"
        assert "discovery.type" not in node["environment"]
        assert any(v["target"] == "/usr/share/elasticsearch/data" for v in node["volumes"])


def test_a_broken_compose_file_is_refused(compose_check, tmp_path):
    (tmp_path / "docker-compose.yml").write_text("services:\n  api:\n    depends_on: 3\n")
    done = subprocess.run(
        [str(compose_check), "docker-compose.yml"], cwd=tmp_path, capture_output=True, check=False
    )
    assert done.returncode != 0


def test_the_image_carries_every_python_package(repo_root):
    """Dockerfile COPY lines must include every package the project installs."""
    pyproject = (repo_root / "pyproject.toml").read_text()
    include = pyproject.split("include = [", 1)[1].split("]", 1)[0]
    packages = {name.strip().strip('"').rstrip("*") for name in include.split(",")}
    dockerfile = (repo_root / "Dockerfile").read_text()
    copied = {
        line.split()[1].split("/")[0]
        for line in dockerfile.splitlines()
        if line.startswith("COPY ")
    }
    assert packages <= copied, packages - copied
