"""Download and unpack of the export from a real local HTTP server."""

import http.server
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from indexer.download import DownloadError, download_export


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


def make_zip(path: Path, entries: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in entries.items():
            zf.writestr(name, text)


def test_export_is_downloaded_and_unpacked_flat(served, tmp_path):
    url, root = served
    make_zip(
        root / "RefRomeCsv.zip",
        {
            "RefRomeCsv/unix_referentiel_appellation_v461_utf8.csv": '"code_ogr"\n"1"\n',
            "RefRomeCsv/unix_texte_v461_utf8.csv": '"code_rome"\n',
            "RefRomeCsv/readme.txt": "not a csv",
        },
    )
    files = download_export(f"{url}/RefRomeCsv.zip", tmp_path / "rome")
    assert [f.name for f in files] == [
        "unix_referentiel_appellation_v461_utf8.csv",
        "unix_texte_v461_utf8.csv",
    ]
    assert files[0].read_text() == '"code_ogr"\n"1"\n'


def test_a_missing_file_is_a_clear_error(served, tmp_path):
    url, _ = served
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_export(f"{url}/absent.zip", tmp_path / "rome")


def test_an_archive_without_appellations_is_refused_and_dest_kept(served, tmp_path):
    url, root = served
    make_zip(root / "other.zip", {"data.csv": "a,b\n"})
    dest = tmp_path / "rome"
    dest.mkdir()
    (dest / "keep.csv").write_text("previous export")
    with pytest.raises(DownloadError, match=r"not a ROME 4\.0 export"):
        download_export(f"{url}/other.zip", dest)
    assert (dest / "keep.csv").read_text() == "previous export"


def test_entries_escaping_the_folder_are_refused(served, tmp_path):
    url, root = served
    make_zip(root / "evil.zip", {"../../unix_referentiel_appellation_v1_utf8.csv": "x"})
    with pytest.raises(DownloadError, match="escapes"):
        download_export(f"{url}/evil.zip", tmp_path / "rome")


def test_a_non_zip_body_is_refused(served, tmp_path):
    url, root = served
    (root / "page.zip").write_text("<html>maintenance</html>")
    with pytest.raises(DownloadError, match="not a zip"):
        download_export(f"{url}/page.zip", tmp_path / "rome")
