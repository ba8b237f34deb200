"""The ROME models: immutable, every field described, closed value sets enforced."""

import inspect

import pytest
from pydantic import BaseModel, ValidationError

import models.base
import models.competences
import models.documents.appellation
import models.documents.common
import models.documents.fiche
import models.documents.items
import models.fiches
import models.links
import models.referential
import models.report
from models.competences import Competence, ItemTransitions
from models.fiches import EmploiTags, Fiche
from models.report import EntityReport, RowError, ValidationReport
from models.vocab import CompetenceKind, FicheType

MODULES = [
    models.base,
    models.competences,
    models.fiches,
    models.links,
    models.referential,
    models.report,
    models.documents.appellation,
    models.documents.common,
    models.documents.fiche,
    models.documents.items,
]
MODEL_CLASSES = sorted(
    {
        cls
        for module in MODULES
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == module.__name__
    },
    key=lambda cls: cls.__qualname__,
)

TAGS = EmploiTags(
    transition_eco=None,
    transition_num=None,
    transition_demo=None,
    emploi_reglemente=None,
    emploi_cadre=None,
)


def _fiche(code: str, parent: str) -> Fiche:
    return Fiche(
        code_rome=code,
        code_fiche_metier="1",
        code_ogr="2",
        libelle="Développeur / Développeuse web",
        tags=TAGS,
        code_rome_parent=parent,
    )


def _competence(**changes: object) -> Competence:
    fields: dict[str, object] = {
        "code_ogr": "100001",
        "nature": "Compétence",
        "libelle": "Abattre un arbre",
        "definition": None,
        "code_ogr_macro": "300230",
        "code_macro": None,
        "categorie": "Savoir-faire",
        "sous_categorie": "Technique",
        "transitions": ItemTransitions(transition_eco=None, transition_num=False),
        "heterogeneite": None,
        "origine": None,
    }
    return Competence.model_validate({**fields, **changes})


@pytest.mark.parametrize("model", MODEL_CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_field_is_described_and_model_frozen(model):
    assert model.model_config.get("frozen") is True
    assert model.model_config.get("extra") == "forbid"
    undocumented = [name for name, info in model.model_fields.items() if not info.description]
    assert undocumented == []


def test_models_were_found():
    assert len(MODEL_CLASSES) > 30


def test_fiche_type_follows_parent():
    assert _fiche("M1805", "M1805").fiche_type is FicheType.METIER
    assert _fiche("M1855", "M1805").fiche_type is FicheType.EMPLOI


def test_code_rome_pattern():
    with pytest.raises(ValidationError, match="code_rome"):
        _fiche("m1805", "M1805")


def test_frozen():
    with pytest.raises(ValidationError, match="frozen"):
        _fiche("M1805", "M1805").libelle = "x"  # type: ignore[misc]


def test_competence_kinds():
    assert _competence().kind is CompetenceKind.SAVOIR_FAIRE
    macro = _competence(nature="Macro-compétence", code_ogr_macro=None, code_macro="1A101")
    assert macro.kind is CompetenceKind.MACRO_COMPETENCE
    savoir_etre = _competence(
        nature="Macro-compétence",
        code_ogr_macro=None,
        code_macro="6D101",
        categorie="Savoir-être professionnel",
        sous_categorie="Transverse",
    )
    assert savoir_etre.kind is CompetenceKind.SAVOIR_ETRE


def test_competence_needs_its_macro_and_macro_its_code():
    with pytest.raises(ValidationError, match="code_ogr_macro_comp"):
        _competence(code_ogr_macro=None)
    with pytest.raises(ValidationError, match="code_macro_comp"):
        _competence(nature="Macro-compétence", code_ogr_macro=None)


def test_closed_value_sets():
    with pytest.raises(ValidationError, match="sous_categorie"):
        _competence(sous_categorie="Technique avancée")


def test_row_error_renders_file_line_field_reason():
    error = RowError(file="f.csv", line=3, field="peu_usite", reason="expected O/N", value="X")
    assert str(error) == "f.csv:3 peu_usite: expected O/N (value 'X')"


def test_report_counts():
    entity = EntityReport(
        entity="fiches", file="f.csv", encoding="utf-8", read=10, rejected=2, dangling=1
    )
    report = ValidationReport(folder="/x", entities=(entity,), errors=())
    assert report.entity("fiches").valid == 7
    assert (report.rejected, report.dangling) == (2, 1)
    with pytest.raises(KeyError):
        report.entity("absent")
