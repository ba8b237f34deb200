"""Download the ROME 4.0 export (a zip of `unix_*.csv` files) and unpack it safely.

France Travail publishes the export as a zip on its open-data portals; the URL is configured
(METIERSCOPE_ROME_URL) because it changes with each version.
"""

import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import httpx

REQUIRED_PATTERN = "unix_referentiel_appellation_v*_utf8.csv"
DOWNLOAD_TIMEOUT = httpx.Timeout(30.0, read=120.0)


class DownloadError(RuntimeError):
    """The export could not be downloaded or is not a usable ROME export."""


def fetch(url: str, target: Path) -> int:
    """Stream url into target; the number of bytes written."""
    written = 0
    try:
        with httpx.stream("GET", url, timeout=DOWNLOAD_TIMEOUT, follow_redirects=True) as response:
            if response.status_code != 200:
                raise DownloadError(f"GET {url} answered HTTP {response.status_code}")
            with target.open("wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)
                    written += len(chunk)
    except httpx.HTTPError as e:
        raise DownloadError(f"GET {url} failed: {e}") from e
    return written


def _safe_members(archive: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, str]]:
    """CSV members with their flat file name; refuses paths that escape the folder."""
    members = []
    for info in archive.infolist():
        path = PurePosixPath(info.filename)
        if path.is_absolute() or ".." in path.parts:
            raise DownloadError(f"archive entry {info.filename!r} escapes the target folder")
        if not info.is_dir() and path.suffix.lower() == ".csv":
            members.append((info, path.name))
    return members


def unpack(archive_path: Path, dest: Path) -> list[Path]:
    """Extract the CSV files of the archive flat into dest, replacing it only when complete."""
    try:
        archive = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile as e:
        raise DownloadError(f"{archive_path.name} is not a zip archive") from e
    with archive:
        members = _safe_members(archive)
        if not any(PurePosixPath(name).match(REQUIRED_PATTERN) for _, name in members):
            raise DownloadError(f"the archive has no {REQUIRED_PATTERN}: not a ROME 4.0 export")
        dest.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".rome-", dir=dest.parent))
        for info, name in members:
            with archive.open(info) as source, (staging / name).open("wb") as out:
                shutil.copyfileobj(source, out)
    if dest.exists():
        shutil.rmtree(dest)
    staging.rename(dest)
    return sorted(dest.iterdir())


def download_export(url: str, dest: Path) -> list[Path]:
    """Download the export zip from url and unpack its CSV files into dest."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "rome.zip"
        fetch(url, archive)
        return unpack(archive, dest)
