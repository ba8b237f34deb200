from pathlib import Path

import pytest

from indexer.rome import Referential, load_referential
from tests.indexer.rome.export_files import write_export


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    """A small, consistent export (every file, v460 names) in a fresh folder."""
    return write_export(tmp_path / "export")


@pytest.fixture
def referential(export_dir: Path) -> Referential:
    """The small export, loaded."""
    return load_referential(export_dir)
