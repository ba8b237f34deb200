import zipfile

import pytest

from indexer.engine.errors import EngineError
from indexer.engine.provision import lucene_version, plugin_source_hash, unpack


def test_plugin_hash_changes_with_any_source_file(tmp_path):
    (tmp_path / "src" / "main").mkdir(parents=True)
    (tmp_path / "pom.xml").write_text("<project/>")
    java = tmp_path / "src" / "main" / "A.java"
    java.write_text("class A {}")
    before = plugin_source_hash(tmp_path)
    assert plugin_source_hash(tmp_path) == before
    java.write_text("class A { int x; }")
    assert plugin_source_hash(tmp_path) != before


def test_lucene_version_is_read_from_the_server_libs(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "lucene-core-10.5.1.jar").touch()
    assert lucene_version(tmp_path) == "10.5.1"
    (tmp_path / "lib" / "lucene-core-10.5.1.jar").unlink()
    with pytest.raises(EngineError, match="no lucene-core"):
        lucene_version(tmp_path)


def test_unpack_keeps_exec_bits_and_reuses_a_complete_tree(tmp_path):
    archive = tmp_path / "elasticsearch-1.2.3.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("elasticsearch-1.2.3/bin/elasticsearch")
        info.external_attr = 0o755 << 16
        zf.writestr(info, "#!/bin/sh\n")
    home = unpack(archive, tmp_path / "dist")
    launcher = home / "bin" / "elasticsearch"
    assert launcher.stat().st_mode & 0o111
    launcher.write_text("kept")
    assert unpack(archive, tmp_path / "dist") == home
    assert launcher.read_text() == "kept"
    assert not list((tmp_path / "dist").glob(".*partial"))
