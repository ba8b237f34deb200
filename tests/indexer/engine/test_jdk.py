from pathlib import Path

import pytest

from indexer.engine.errors import EngineError
from indexer.engine.jdk import find_java_home, java_feature_version, pick_jdk, required_java


def fake_jdk(root: Path, name: str, version: str, *, javac: bool = True) -> Path:
    home = root / name
    (home / "bin").mkdir(parents=True)
    (home / "release").write_text(f'IMPLEMENTOR="x"\nJAVA_VERSION="{version}"\n')
    if javac:
        (home / "bin" / "javac").touch()
    return home


def test_required_java_follows_the_major_version():
    assert required_java("8.19.4") == 17
    assert required_java("9.5.4") == 21


def test_feature_version_is_read_from_the_release_file(tmp_path):
    assert java_feature_version(fake_jdk(tmp_path, "a", "25.0.3")) == 25
    assert java_feature_version(fake_jdk(tmp_path, "b", "17.0.15")) == 17


def test_a_runtime_without_javac_is_not_a_jdk(tmp_path):
    assert java_feature_version(fake_jdk(tmp_path, "jre", "25", javac=False)) is None


def test_pick_takes_the_newest_suitable_jdk(tmp_path):
    old = fake_jdk(tmp_path, "old", "17.0.1")
    new = fake_jdk(tmp_path, "new", "25.0.3")
    mid = fake_jdk(tmp_path, "mid", "21.0.8")
    assert pick_jdk([old, mid, new], minimum=21) == new
    assert pick_jdk([old], minimum=21) is None


def test_a_configured_jdk_that_is_too_old_is_refused(tmp_path):
    old = fake_jdk(tmp_path, "old", "17.0.1")
    with pytest.raises(EngineError, match="not a JDK 21"):
        find_java_home("9.5.4", old)
    assert find_java_home("8.19.4", old) == old
