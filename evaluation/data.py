"""Reading labelled JSON Lines files (the eval-dev and training formats)."""

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

Row = TypeVar("Row", bound=BaseModel)


def read_jsonl(path: Path, model: type[Row]) -> list[Row]:
    """One model per line of a JSONL file; a bad line names its number."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(model.model_validate(json.loads(line)))
            except ValueError as e:
                raise ValueError(f"{path.name}:{number}: {e}") from e
    return out
