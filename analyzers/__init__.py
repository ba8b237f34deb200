"""French analysis settings (JSON) and the curated synonyms they carry.

`analysis.json` is the single definition of our analyzers; `synonyms.txt` is rendered into its
`fr_synonyms` filter inline, so the same index settings run on the embedded engine (with our
analysis plugin) and on the official image (with the `analysis-common` module), and a change to
the synonyms ships with the next reindex.
"""

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANALYSIS_FILE = HERE / "analysis.json"
SYNONYMS_FILE = HERE / "synonyms.txt"


def read_synonyms(path: Path = SYNONYMS_FILE) -> list[str]:
    """Solr-format rules of a synonyms file, without comments and blank lines."""
    rules = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            rules.append(line)
    return rules


@cache
def _analysis() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(ANALYSIS_FILE.read_text(encoding="utf-8"))
    settings = {key: value for key, value in raw.items() if not key.startswith("_")}  # comments
    settings["filter"]["fr_synonyms"]["synonyms"] = read_synonyms()
    return settings


def analysis_settings() -> dict[str, Any]:
    """The `index.analysis` settings block, synonyms included (a fresh copy each call)."""
    return copy.deepcopy(_analysis())
