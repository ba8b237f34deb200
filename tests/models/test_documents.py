"""Every index document the indexer builds from the real export is its model, and survives a
trip through JSON unchanged: the typed contract is the JSON the mappings and the API see."""

import json
from collections.abc import Iterable
from typing import Any

import pytest
from pydantic import BaseModel

from indexer.offres import OfferResolver, OffersReport, documents
from indexer.referential import documents as rome
from indexer.referential.load import Referential, load_referential
from indexer.settings import Settings
from indexer.territoires import Territoires, load_territoires, territoire_docs
from models.documents import (
    AppellationDoc,
    CompetenceDoc,
    ContexteDoc,
    FicheDoc,
    FicheMacros,
    MacroGroup,
    MacroName,
    SavoirDoc,
)
from models.offres import OffreDoc, OffreSummary
from models.territoires import TerritoireDoc, TerritoireSummary
from search_api.offres import queries as offer_queries
from search_api.records import queries as record_queries
from search_api.territoires import queries as territoire_queries
from tests.support.offers import offer

BUILDERS = (
    (rome.appellation_docs, AppellationDoc, 13_000),
    (rome.fiche_docs, FicheDoc, 1_500),
    (rome.competence_docs, CompetenceDoc, 18_000),
    (rome.savoir_docs, SavoirDoc, 15_000),
    (rome.contexte_docs, ContexteDoc, 170),
)


@pytest.fixture(scope="module")
def referential() -> Referential:
    return load_referential(Settings().rome_dir)


@pytest.fixture(scope="module")
def territoires() -> Territoires:
    return load_territoires(Settings().territoires_dir)


def round_trip(docs: Iterable[BaseModel], model: type[BaseModel]) -> list[dict[str, Any]]:
    """Each document's JSON, checked to validate back into the model and dump unchanged."""
    out = []
    for doc in docs:
        assert type(doc) is model
        source = doc.model_dump(mode="json")
        text = json.dumps(source, ensure_ascii=False)
        again = model.model_validate_json(text)
        assert again.model_dump(mode="json") == source == json.loads(text)
        out.append(source)
    return out


@pytest.mark.parametrize(("build", "model", "at_least"), BUILDERS)
def test_rome_documents_validate_and_round_trip(referential, build, model, at_least):
    sources = round_trip(build(rome.Indexes(referential)), model)
    assert len(sources) >= at_least
    assert all("vector" not in s for s in sources)  # the pipeline adds it, no model reads it


def test_a_macro_core_flag_is_absent_unless_the_fiche_links_the_macro(referential):
    fiches = round_trip(rome.fiche_docs(rome.Indexes(referential)), FicheDoc)
    macros = [m for f in fiches for g in f["competences"] for m in g["macros"]]
    flagged = [m for m in macros if "coeur_metier" in m]
    assert flagged
    assert len(flagged) < len(macros)  # some macros are only reached through their compétences
    assert any(m["coeur_metier"] is None for m in flagged)  # linked without a core flag: null


def test_territory_documents_keep_absent_keys_absent(territoires):
    sources = round_trip(territoire_docs(territoires), TerritoireDoc)
    assert len(sources) == 18 + 101 + 34_935
    regions = {frozenset(s) for s in sources if s["type"] == "region"}
    assert regions == {frozenset({"type", "code", "libelle", "formes"})}
    departement = next(s for s in sources if s["type"] == "departement")
    assert set(departement) == {"type", "code", "libelle", "formes", "region"}
    commune = next(s for s in sources if s["type"] == "commune")
    assert set(commune) == set(TerritoireDoc.model_fields)


def test_offer_documents_keep_absent_and_null_keys_apart(referential, territoires):
    resolver = OfferResolver(territoires, referential)
    generated = [(n, offer(n)) for n in range(40)]
    unresolved = {**offer(1), "id": "X1", "lieuTravail": None, "romeCode": "Z9999"}
    unresolved["salaire"] = {}
    offers = [*generated, (41, unresolved)]
    sources = round_trip(documents(offers, resolver, OffersReport()), OffreDoc)
    assert len(sources) == 41
    lyon = next(s for s in sources if s["id"] == "T000002")  # label only: département known
    assert lyon["commune"] is None
    assert lyon["localisation"] == "libelle"
    bare = next(s for s in sources if s["id"] == "X1")
    absent = {"commune", "departement", "region", "localisation", "fiche", "parent"}
    assert not absent & set(bare)
    assert "appellation" not in bare
    assert "salaire" not in bare
    assert any("salaire" in s for s in sources)


@pytest.mark.parametrize(
    ("summary", "doc", "source"),
    [
        (TerritoireSummary, TerritoireDoc, territoire_queries.SOURCE),
        (OffreSummary, OffreDoc, offer_queries.SOURCE),
    ],
)
def test_what_the_api_reads_is_part_of_the_document(summary, doc, source):
    assert issubclass(doc, summary)
    assert list(summary.model_fields) == list(source)


def test_what_the_proches_read_of_a_fiche_is_typed_as_the_fiche():
    fields = FicheMacros.model_fields
    tops = list(dict.fromkeys(path.split(".")[0] for path in record_queries.PROCHE_SOURCE))
    assert list(fields) == tops
    for name in ("libelle", "macro_codes", "mobilites"):
        assert fields[name].annotation == FicheDoc.model_fields[name].annotation, name
    names = [p.removeprefix("competences.macros.") for p in record_queries.PROCHE_SOURCE[2:4]]
    assert list(MacroName.model_fields) == names
    for name, field in MacroName.model_fields.items():  # the same fields as the full record
        assert field.annotation == MacroGroup.model_fields[name].annotation, name
