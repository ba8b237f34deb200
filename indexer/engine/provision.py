"""Provision the real Elasticsearch server from Maven Central into a cache folder.

The integ-test zip is the real server and launcher without a bundled JDK and without the
`analysis-common` module; where that module is missing we build and install our own plugin
(analyzers/plugin) that registers the same component names.
"""

import hashlib
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from indexer.engine.errors import EngineError
from indexer.engine.jdk import find_java_home

ES_ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"
PLUGIN_NAME = "metierscope-analysis"
PLUGIN_SOURCE = Path(__file__).resolve().parents[2] / "analyzers" / "plugin"


@dataclass(frozen=True)
class Distribution:
    """An unpacked Elasticsearch ready to start."""

    version: str
    home: Path
    java_home: Path
    plugin_installed: bool


def _run(cmd: list[str], *, env: dict[str, str], what: str, cwd: Path | None = None) -> None:
    """Run a provisioning step; on failure raise with the tail of its output."""
    if shutil.which(cmd[0]) is None and not Path(cmd[0]).exists():
        raise EngineError(f"{what}: `{cmd[0]}` not found on PATH")
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise EngineError(f"{what} failed (exit {done.returncode}):\n{tail}")


def _java_env(java_home: Path) -> dict[str, str]:
    return {**os.environ, "JAVA_HOME": str(java_home), "ES_JAVA_HOME": str(java_home)}


def download(version: str, cache: Path, java_home: Path) -> Path:
    """The distribution zip in the cache, fetched with Maven (honours the user's mirrors)."""
    archive = cache / f"elasticsearch-{version}.zip"
    if archive.exists():
        return archive
    cache.mkdir(parents=True, exist_ok=True)
    _run(
        [
            "mvn",
            "-B",
            "-q",
            "dependency:copy",
            f"-Dartifact={ES_ARTIFACT.format(version=version)}",
            f"-DoutputDirectory={cache}",
        ],
        env=_java_env(java_home),
        what=f"downloading Elasticsearch {version} from Maven Central",
    )
    if not archive.exists():
        raise EngineError(f"Maven reported success but {archive} is missing")
    return archive


def unpack(archive: Path, dest: Path) -> Path:
    """Unpack once into dest/elasticsearch-<version>; a half-unpacked tree is never used."""
    home = dest / archive.stem
    if (home / "bin" / "elasticsearch").exists():
        return home
    staging = dest / f".{archive.stem}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            extracted = Path(zf.extract(info, staging))
            mode = info.external_attr >> 16
            if mode:
                extracted.chmod(mode & 0o777)
    shutil.rmtree(home, ignore_errors=True)
    (staging / archive.stem).rename(home)
    staging.rmdir()
    return home


def lucene_version(home: Path) -> str:
    """Lucene version the server ships; the plugin must compile against exactly that."""
    jars = sorted((home / "lib").glob("lucene-core-*.jar"))
    if not jars:
        raise EngineError(f"no lucene-core jar in {home / 'lib'}")
    return jars[0].stem.removeprefix("lucene-core-")


def plugin_source_hash(source: Path) -> str:
    """Content hash of the plugin sources, so a changed plugin is rebuilt and reinstalled."""
    digest = hashlib.sha256()
    files = [source / "pom.xml", *sorted((source / "src").rglob("*"))]
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(source).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_plugin(version: str, home: Path, java_home: Path, source: Path = PLUGIN_SOURCE) -> Path:
    """Compile the analysis plugin with Maven against this server version."""
    _run(
        [
            "mvn",
            "-B",
            "-q",
            "package",
            f"-Delasticsearch.version={version}",
            f"-Dlucene.version={lucene_version(home)}",
        ],
        env=_java_env(java_home),
        cwd=source,
        what="building the analysis plugin",
    )
    built = source / "target" / f"{PLUGIN_NAME}-{version}.zip"
    if not built.exists():
        raise EngineError(f"plugin build produced no {built}")
    return built


def install_plugin(home: Path, version: str, java_home: Path) -> bool:
    """Install our plugin where analysis-common is missing; True if it is installed."""
    if (home / "modules" / "analysis-common").exists():
        return False
    stamp = home / f".{PLUGIN_NAME}.hash"
    wanted = plugin_source_hash(PLUGIN_SOURCE)
    installed = (home / "plugins" / PLUGIN_NAME).exists()
    if installed and stamp.exists() and stamp.read_text() == wanted:
        return True
    built = build_plugin(version, home, java_home)
    env = _java_env(java_home)
    tool = str(home / "bin" / "elasticsearch-plugin")
    if installed:
        _run([tool, "remove", PLUGIN_NAME], env=env, what="removing the old analysis plugin")
    _run(
        [tool, "install", "--batch", built.resolve().as_uri()],
        env=env,
        what="installing the analysis plugin",
    )
    stamp.write_text(wanted)
    return True


def provision(version: str, engine_home: Path, java_home: Path | None) -> Distribution:
    """Download (once), unpack (once) and equip the server; later calls take seconds."""
    jdk = find_java_home(version, java_home)
    archive = download(version, engine_home / "cache", jdk)
    home = unpack(archive, engine_home / "dist")
    plugin = install_plugin(home, version, jdk)
    return Distribution(version=version, home=home, java_home=jdk, plugin_installed=plugin)
