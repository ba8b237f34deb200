"""docker-compose.yml parses as `docker compose config` would, matches the embedded setup, and
is secure by default: Elasticsearch security on, passwords never committed, the API non-root on
a read-only filesystem, liveness as its healthcheck.

compose-check (tools/compose-check) loads the file with compose-go, the library behind
`docker compose config`; it is built with the Go toolchain of this machine. It runs on a copy
of the compose file and deploy/ with a throwaway deploy/secrets.env, as an operator's would be.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from indexer.settings import Settings

PASSWORD = "test-only-elastic-password"
APP_USER = "10001:10001"
ASSIGNED_PASSWORD = re.compile(r"^\s*[\w.]*PASSWORD\s*[=:]\s*\S", re.IGNORECASE)  # not comments


@pytest.fixture(scope="session")
def compose_check(repo_root: Path) -> Path:
    tool = repo_root / ".metierscope" / "bin" / "compose-check"
    source = repo_root / "tools" / "compose-check"
    subprocess.run(["go", "build", "-o", str(tool), "."], cwd=source, check=True)
    return tool


def deployment(repo_root: Path, target: Path, *, secrets: bool = True) -> Path:
    """A copy of what `docker compose up` reads, with or without the operator's secrets file."""
    shutil.copy(repo_root / "docker-compose.yml", target)
    shutil.copytree(repo_root / "deploy", target / "deploy", ignore=shutil.ignore_patterns("*.env"))
    for committed in (repo_root / "deploy").glob("es-*.env"):
        shutil.copy(committed, target / "deploy")
    if secrets:
        (target / "deploy" / "secrets.env").write_text(f"ELASTIC_PASSWORD={PASSWORD}\n")
    return target


@pytest.fixture(scope="session")
def deployed(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return deployment(repo_root, tmp_path_factory.mktemp("deploy"))


def run_check(tool: Path, root: Path, *profiles: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [str(tool), "docker-compose.yml", *profiles],
        cwd=root,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def resolve(tool: Path, root: Path, *profiles: str, env: dict[str, str] | None = None) -> Any:
    done = run_check(tool, root, *profiles, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def es_nodes(project: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: s
        for name, s in project["services"].items()
        if "elasticsearch" in s["image"] and name not in {"init", "setup"}
    }


def test_default_is_one_node_of_the_embedded_version(compose_check, deployed):
    project = resolve(compose_check, deployed)
    services = project["services"]
    assert set(services) == {"init", "elasticsearch", "setup", "indexer", "api"}
    image = services["elasticsearch"]["image"]
    assert image == f"docker.elastic.co/elasticsearch/elasticsearch:{Settings().es_version}"
    assert services["elasticsearch"]["environment"]["discovery.type"] == "single-node"


def test_services_start_in_dependency_order_with_healthchecks(compose_check, deployed):
    services = resolve(compose_check, deployed)["services"]

    def after(service: str, dependency: str) -> str:
        return str(services[service]["depends_on"][dependency]["condition"])

    assert after("elasticsearch", "init") == "service_completed_successfully"
    assert after("setup", "elasticsearch") == "service_healthy"
    assert after("indexer", "setup") == "service_completed_successfully"
    assert after("api", "setup") == "service_completed_successfully"
    assert after("api", "indexer") == "service_completed_successfully"
    assert "healthcheck" in services["elasticsearch"]
    assert "healthcheck" in services["api"]
    assert services["api"]["environment"]["METIERSCOPE_ENGINE"] == "external"


def test_the_api_healthcheck_is_liveness_not_readiness(compose_check, deployed):
    test = resolve(compose_check, deployed)["services"]["api"]["healthcheck"]["test"]
    probe = " ".join(test)
    assert "/health'" in probe
    assert "/ready" not in probe


def test_cluster_profile_has_three_discovering_nodes_talking_tls(compose_check, deployed):
    project = resolve(compose_check, deployed, "cluster", env={"ES_MODE": "cluster"})
    nodes = es_nodes(project)
    assert set(nodes) == {"elasticsearch", "es02", "es03"}
    for node in nodes.values():
        env = node["environment"]
        assert env["discovery.seed_hosts"] == "elasticsearch,es02,es03"
        assert "discovery.type" not in env
        assert any(v["target"] == "/usr/share/elasticsearch/data" for v in node["volumes"])
        assert env["xpack.security.transport.ssl.enabled"] == "true"
        assert env["xpack.security.transport.ssl.verification_mode"] == "certificate"
        certs = next(v for v in node["volumes"] if v["source"] == "certs")
        assert certs["target"] == "/usr/share/elasticsearch/config/certs"
        assert certs["read_only"] is True


def test_elasticsearch_security_is_on_with_the_operators_password(compose_check, deployed):
    project = resolve(compose_check, deployed)
    for node in es_nodes(project).values():
        assert node["environment"]["xpack.security.enabled"] == "true"
        assert node["environment"]["ELASTIC_PASSWORD"] == PASSWORD
        assert "$${ELASTIC_PASSWORD}" not in " ".join(node["healthcheck"]["test"])
        assert "elastic:${ELASTIC_PASSWORD}" in " ".join(node["healthcheck"]["test"])
        assert node["ports"][0]["host_ip"] == "127.0.0.1"
    assert project["services"]["setup"]["environment"]["ELASTIC_PASSWORD"] == PASSWORD


def test_without_the_secrets_file_the_stack_does_not_start(compose_check, tmp_path, repo_root):
    done = run_check(compose_check, deployment(repo_root, tmp_path, secrets=False))
    assert done.returncode != 0
    assert "secrets.env" in done.stderr


def test_no_password_is_committed(repo_root):
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "deploy/secrets.env"], cwd=repo_root, check=False
    )
    assert ignored.returncode == 0, "deploy/secrets.env must be git-ignored"
    committed = [repo_root / "docker-compose.yml", *(repo_root / "deploy").glob("*.env*")]
    for path in committed:
        if path.name == "secrets.env":
            continue
        for line in path.read_text().splitlines():
            assert not ASSIGNED_PASSWORD.match(line), f"{path}: {line}"


def test_the_api_runs_unprivileged_on_a_read_only_filesystem(compose_check, deployed):
    api = resolve(compose_check, deployed)["services"]["api"]
    assert api["user"] == APP_USER
    assert api["read_only"] is True
    assert "/tmp" in api["tmpfs"]
    assert api["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in api["security_opt"]
    assert all(v["read_only"] for v in api["volumes"])
    assert {v["source"] for v in api["volumes"]} == {"vectors", "api-secret"}  # not the indexer's


def test_api_and_indexer_reach_the_engine_as_their_own_users(compose_check, deployed):
    services = resolve(compose_check, deployed)["services"]
    for name in ("api", "indexer"):
        assert services[name]["command"][:2] == ["with-es-user", name]
        assert "METIERSCOPE_ES_URL" not in services[name]["environment"]
    setup = (deployed / "deploy" / "setup.sh").read_text()
    assert '\\"privileges\\": [\\"read\\", \\"view_index_metadata\\"]' in setup


def test_with_es_user_puts_the_generated_password_in_the_url(repo_root, tmp_path):
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "password").write_text("0123abcd")
    script = str(repo_root / "deploy" / "with-es-user.sh")
    env = {"PATH": os.environ["PATH"], "SECRETS_DIR": str(tmp_path)}
    done = subprocess.run(
        ["sh", script, "api", "sh", "-c", 'printf %s "$METIERSCOPE_ES_URL"'],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "http://metierscope_api:0123abcd@elasticsearch:9200"
    missing = subprocess.run(["sh", script, "indexer", "true"], env=env, check=False)
    assert missing.returncode != 0  # no password, no start


@pytest.mark.parametrize("script", ["init.sh", "setup.sh"])
def test_the_deploy_scripts_parse(repo_root, script):
    subprocess.run(["bash", "-n", str(repo_root / "deploy" / script)], check=True)


def test_a_broken_compose_file_is_refused(compose_check, tmp_path):
    (tmp_path / "docker-compose.yml").write_text("services:\n  api:\n    depends_on: 3\n")
    done = subprocess.run(
        [str(compose_check), "docker-compose.yml"], cwd=tmp_path, capture_output=True, check=False
    )
    assert done.returncode != 0


def test_the_image_carries_every_python_package_and_runs_as_the_app_user(repo_root):
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
    assert f"USER {APP_USER}" in dockerfile.splitlines()
    assert "COPY deploy/with-es-user.sh /usr/local/bin/with-es-user" in dockerfile
