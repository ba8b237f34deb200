"""Decode one export file: strict UTF-8 first, else the most plausible single-byte encoding.

Some files are named `_utf8` but are single-byte: `unix_arborescence_secteur_naf_v460` is
ISO-8859-15 (its œ/Œ are bytes 0xBD/0xBC, which cp1252 and Latin-1 read as ½/¼). Every
single-byte candidate decodes (nearly) any byte, so candidates are ranked by how many characters
they produce that French text does not use.
"""

BOM = "\ufeff"

SINGLE_BYTE_CANDIDATES = ("cp1252", "iso8859_15", "latin-1")
"""Tried in this order; the first with the fewest implausible characters wins a tie."""

_IMPLAUSIBLE = frozenset("¤¦¨´¸¼½¾") | frozenset(chr(c) for c in range(0x80, 0xA0))
"""Latin-1 symbols that ISO-8859-15 replaces with letters (œ, Œ, Š, Ž, €…), and C1 controls."""


def _decode_or_none(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None  # this encoding cannot read the file; the caller tries the next one


def _implausible_count(text: str) -> int:
    return sum(1 for char in text if char in _IMPLAUSIBLE)


def decode_export_bytes(raw: bytes) -> tuple[str, str]:
    """Decoded text without BOM, and the name of the encoding used."""
    text = _decode_or_none(raw, "utf-8")
    if text is not None:
        return (text[1:], "utf-8-sig") if text.startswith(BOM) else (text, "utf-8")
    decoded = [
        (text, encoding)
        for encoding in SINGLE_BYTE_CANDIDATES
        if (text := _decode_or_none(raw, encoding)) is not None
    ]
    # min() keeps the first of equal scores, so candidate order breaks ties; latin-1 decodes
    # every byte, so the list is never empty.
    text, encoding = min(decoded, key=lambda pair: _implausible_count(pair[0]))
    return text.removeprefix(BOM), encoding
