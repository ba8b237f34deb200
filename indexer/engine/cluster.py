"""Start, stop and inspect an embedded Elasticsearch cluster of one or more local nodes.

Each node has its own config, data, logs and temp folders and its own ports, so N nodes on one
machine form a real cluster (replicas, node loss). Started by root, nodes run as a dedicated
system user: Elasticsearch refuses to run as root.
"""

import json
import os
import pwd
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzers import SYNONYMS_FILE
from indexer.engine.errors import EngineError
from indexer.engine.provision import Distribution

CLUSTER_NAME = "metierscope"


@dataclass(frozen=True)
class NodeSpec:
    """One node's identity, ports and folder."""

    name: str
    http_port: int
    transport_port: int
    root: Path

    @property
    def pid_file(self) -> Path:
        return self.root / "es.pid"

    @property
    def log_file(self) -> Path:
        return self.root / "logs" / f"{CLUSTER_NAME}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


def node_specs(root: Path, nodes: int, http_port: int, transport_port: int) -> list[NodeSpec]:
    """Consecutive ports and one folder per node."""
    return [
        NodeSpec(f"node-{i}", http_port + i, transport_port + i, root / f"node-{i}")
        for i in range(nodes)
    ]


def node_config(spec: NodeSpec, peers: list[NodeSpec]) -> str:
    """elasticsearch.yml of one node (JSON is valid YAML, so no YAML library is needed)."""
    settings: dict[str, Any] = {
        "cluster.name": CLUSTER_NAME,
        "node.name": spec.name,
        "network.host": "127.0.0.1",
        "http.port": spec.http_port,
        "transport.port": spec.transport_port,
        "path.data": str(spec.root / "data"),
        "path.logs": str(spec.root / "logs"),
        # Local development engine on loopback: no TLS or authentication. The production
        # compose file documents how to turn security on.
        "xpack.security.enabled": False,
        # A developer disk that is 90 % full must not turn indices read-only.
        "cluster.routing.allocation.disk.threshold_enabled": False,
        "action.destructive_requires_name": True,
    }
    if len(peers) == 1:
        settings["discovery.type"] = "single-node"
    else:
        settings["discovery.seed_hosts"] = [f"127.0.0.1:{p.transport_port}" for p in peers]
        settings["cluster.initial_master_nodes"] = [p.name for p in peers]
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in settings.items())


def pid_alive(pid_file: Path) -> int | None:
    """The pid in pid_file if that process is alive."""
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    except PermissionError:
        return pid  # alive, owned by the engine user
    return pid


def http_json(url: str, timeout: float = 2.0) -> dict[str, Any] | None:
    """GET a JSON document, or None if nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (local URL)
            body: dict[str, Any] = json.load(response)
            return body
    except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
        return None


def _tail(path: Path, lines: int = 20) -> str:
    if not path.exists():
        return f"(no log at {path})"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


class EmbeddedCluster:
    """N local nodes of one distribution, with folders under `root`."""

    def __init__(
        self,
        dist: Distribution,
        root: Path,
        *,
        nodes: int = 1,
        http_port: int = 9200,
        transport_port: int = 9300,
        heap: str = "1g",
        user: str = "metierscope-es",
        timeout: float = 120.0,
    ) -> None:
        self.dist = dist
        self.root = root
        self.heap = heap
        self.user = user
        self.timeout = timeout
        self.specs = node_specs(root, nodes, http_port, transport_port)

    @property
    def url(self) -> str:
        return self.specs[0].url

    def running(self) -> list[NodeSpec]:
        """The nodes whose process is alive."""
        return [spec for spec in self.specs if pid_alive(spec.pid_file) is not None]

    def start(self) -> None:
        """Start every node not yet running and wait until the whole cluster is healthy."""
        as_root = os.geteuid() == 0
        if as_root:
            ensure_user(self.user)
        todo = [spec for spec in self.specs if pid_alive(spec.pid_file) is None]
        for spec in todo:
            self._check_port_free(spec)
            self._prepare(spec, as_root)
        # Launched together: a node's `-d` returns once it has joined a cluster (or after 30 s
        # alone), so one after the other, the first would wait for peers not started yet.
        with ThreadPoolExecutor(max_workers=max(1, len(todo))) as pool:
            list(pool.map(lambda spec: self._launch(spec, as_root), todo))
        self.wait_healthy()

    def _check_port_free(self, spec: NodeSpec) -> None:
        if http_json(f"{spec.url}/_cluster/health", timeout=1.0) is not None:
            raise EngineError(
                f"port {spec.http_port} already answers as Elasticsearch but not from "
                f"{spec.root}; stop that server or set METIERSCOPE_ES_HTTP_PORT"
            )

    def _prepare(self, spec: NodeSpec, as_root: bool) -> None:
        config = spec.root / "config"
        if not config.exists():
            shutil.copytree(self.dist.home / "config", config)
        (config / "elasticsearch.yml").write_text(node_config(spec, self.specs))
        # File-based synonym rules live under the config folder, as on the official image.
        (config / "analysis").mkdir(exist_ok=True)
        shutil.copyfile(SYNONYMS_FILE, config / "analysis" / "synonyms.txt")
        for sub in ("data", "logs", "tmp"):
            (spec.root / sub).mkdir(parents=True, exist_ok=True)
        spec.pid_file.unlink(missing_ok=True)
        if as_root:
            account = pwd.getpwnam(self.user)
            for path in [spec.root, *spec.root.rglob("*")]:
                os.chown(path, account.pw_uid, account.pw_gid)
            _check_traversable(spec.root, account.pw_uid)

    def _launch(self, spec: NodeSpec, as_root: bool) -> None:
        env = {
            **os.environ,
            "ES_JAVA_HOME": str(self.dist.java_home),
            "ES_PATH_CONF": str(spec.root / "config"),
            "ES_TMPDIR": str(spec.root / "tmp"),
            "ES_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}",
        }
        command = [str(self.dist.home / "bin" / "elasticsearch"), "-d", "-p", str(spec.pid_file)]
        if as_root:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise EngineError(
                f"{spec.name} did not start (exit {done.returncode}):\n"
                f"{(done.stdout + done.stderr).strip()[-2000:]}\n{_tail(spec.log_file)}"
            )

    def wait_healthy(self) -> dict[str, Any]:
        """Block until every node has joined and the cluster is at least yellow."""
        want = len(self.specs)
        query = f"/_cluster/health?wait_for_status=yellow&wait_for_nodes={want}&timeout=2s"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            dead = [s for s in self.specs if pid_alive(s.pid_file) is None]
            if dead:
                raise EngineError(f"{dead[0].name} exited during start:\n{_tail(dead[0].log_file)}")
            health = http_json(self.url + query, timeout=5.0)
            if health and not health.get("timed_out") and health.get("number_of_nodes") == want:
                return health
            time.sleep(0.5)
        raise EngineError(
            f"cluster not healthy after {self.timeout:.0f}s:\n{_tail(self.specs[0].log_file)}"
        )

    def stop(self, timeout: float = 60.0) -> list[str]:
        """Stop every running node (SIGTERM, then SIGKILL after timeout); names stopped."""
        stopped = []
        for spec in reversed(self.specs):
            pid = pid_alive(spec.pid_file)
            if pid is None:
                continue
            _terminate(pid, timeout)
            spec.pid_file.unlink(missing_ok=True)
            stopped.append(spec.name)
        return stopped

    def status(self) -> dict[str, Any]:
        """Where the engine lives, which nodes run, and the cluster health."""
        return {
            "version": self.dist.version,
            "home": str(self.dist.home),
            "java_home": str(self.dist.java_home),
            "analysis_plugin": self.dist.plugin_installed,
            "url": self.url,
            "nodes": [
                {
                    "name": s.name,
                    "pid": pid_alive(s.pid_file),
                    "http": s.url,
                    "folder": str(s.root),
                }
                for s in self.specs
            ],
            "health": http_json(f"{self.url}/_cluster/health"),
        }


def _terminate(pid: int, timeout: float) -> None:
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)


def ensure_user(name: str) -> None:
    """Create the system user the engine runs as, if it does not exist."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
        )


def _check_traversable(path: Path, uid: int) -> None:
    """The engine user must reach its folder; a private parent (mode 700) would stop it."""
    for parent in path.resolve().parents:
        mode = parent.stat().st_mode
        if parent.stat().st_uid != uid and not mode & 0o001:
            raise EngineError(
                f"{parent} is not traversable by the engine user; "
                "set METIERSCOPE_ENGINE_HOME to a folder under a world-traversable path"
            )
