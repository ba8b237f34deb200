"""Helpers shared by the entity specs: file patterns and recurring column groups."""

from indexer.rome.convert import optional, optional_o_n
from indexer.rome.table import Column


def official(stem: str) -> str:
    """Pattern of an official export file, any version: `<stem>_v460_utf8.csv`…"""
    return f"{stem}_v[0-9]*_utf8.csv"


def rebuilt(stem: str) -> str:
    """Pattern of a file rebuilt from the official JSON export: `<stem>_v460_reconstruit.csv`."""
    return f"{stem}_v[0-9]*_reconstruit.csv"


def first_letter(value: str) -> str:
    """The grand domaine of a domaine professionnel code (A11 -> A)."""
    return value.strip()[:1]


EMPLOI_TAGS = {
    "tags.transition_eco": Column("transition_eco", optional),
    "tags.transition_num": Column("transition_num", optional_o_n),
    "tags.transition_demo": Column("transition_demo", optional_o_n),
    "tags.emploi_reglemente": Column("emploi_reglemente", optional_o_n),
    "tags.emploi_cadre": Column("emploi_cadre", optional_o_n),
}
ITEM_TRANSITIONS = {
    "transitions.transition_eco": Column("transition_eco", optional_o_n),
    "transitions.transition_num": Column("transition_num", optional_o_n),
}
