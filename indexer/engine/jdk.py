"""Find a JDK the chosen Elasticsearch version runs on (the integ-test zip bundles none)."""

import re
from collections.abc import Iterable
from pathlib import Path

from indexer.engine.errors import EngineError

JVM_ROOT = Path("/usr/lib/jvm")

# Elasticsearch 9.x needs Java 21 or newer; 8.x runs on 17 and refuses 24+ up to 8.17.
_MIN_JAVA = {8: 17, 9: 21}


def required_java(es_version: str) -> int:
    """Lowest Java feature version the given Elasticsearch version starts on."""
    major = int(es_version.split(".", 1)[0])
    return _MIN_JAVA.get(major, 21)


def java_feature_version(java_home: Path) -> int | None:
    """Feature version of a JDK read from its `release` file, or None if it is not a JDK."""
    release = java_home / "release"
    if not (java_home / "bin" / "javac").exists() or not release.exists():
        return None
    match = re.search(r'^JAVA_VERSION="(\d+)', release.read_text(), re.MULTILINE)
    return int(match.group(1)) if match else None


def pick_jdk(candidates: Iterable[Path], minimum: int) -> Path | None:
    """The newest JDK (it must have javac: the plugin is compiled with it) at or above minimum."""
    best: tuple[int, Path] | None = None
    for home in candidates:
        version = java_feature_version(home)
        if version is not None and version >= minimum and (best is None or version > best[0]):
            best = (version, home)
    return best[1] if best else None


def find_java_home(es_version: str, configured: Path | None) -> Path:
    """The configured JDK if it fits, else the newest suitable one under /usr/lib/jvm."""
    minimum = required_java(es_version)
    if configured is not None:
        version = java_feature_version(configured)
        if version is None or version < minimum:
            raise EngineError(
                f"METIERSCOPE_JAVA_HOME={configured} is not a JDK {minimum}+ "
                f"(Elasticsearch {es_version} needs Java {minimum} or newer)"
            )
        return configured
    found = pick_jdk(sorted(JVM_ROOT.glob("*")) if JVM_ROOT.exists() else [], minimum)
    if found is None:
        raise EngineError(
            f"no JDK {minimum}+ with javac under {JVM_ROOT}; install one or set "
            "METIERSCOPE_JAVA_HOME"
        )
    return found
