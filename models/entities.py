"""The records of the ROME 4.0 export, validated. Labels keep their original spelling."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Classification = Literal["PRINCIPALE", "SYNONYME"]
CoeurMetier = Literal["Principale", "Émergente"]
TexteKind = Literal["definition", "acces_metier"]


class Record(BaseModel):
    """Base of every export record: immutable, no unknown field."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Transitions(Record):
    """Transition tags of an appellation, fiche, compétence or savoir."""

    eco: str | None = Field(
        default=None, description="Écologique: 'Emploi Vert', 'Emploi Brun'…, or O/N."
    )
    num: bool | None = Field(default=None, description="Numérique (O/N), None when not assessed.")
    demo: bool | None = Field(
        default=None, description="Démographique (O/N), None when not assessed."
    )

    def tags(self) -> list[str]:
        """Flat keyword tags for facets: eco label, 'numerique', 'demographique'."""
        out = [self.eco] if self.eco and self.eco not in {"N", "Emploi Blanc"} else []
        return (
            out
            + ["Transition numérique"] * bool(self.num)
            + ["Transition démographique"] * bool(self.demo)
        )


class Appellation(Record):
    """A job title (appellation) attached to one fiche."""

    code_ogr: str = Field(description="Stable OGR code of the appellation.")
    libelle: str = Field(description="Long label, masculine / feminine forms.")
    libelle_court: str = Field(description="Short label.")
    code_rome: str = Field(description="Fiche (métier or emploi) the appellation belongs to.")
    code_rome_parent: str = Field(description="Fiche métier at the top of that fiche.")
    classification: Classification = Field(
        description="PRINCIPALE: the fiche's title; else SYNONYME."
    )
    peu_usite: bool = Field(description="Rarely used title.")
    transitions: Transitions = Field(description="Transition tags.")
    emploi_reglemente: bool | None = Field(description="Regulated occupation, None when unknown.")
    emploi_cadre: bool | None = Field(description="Executive (cadre) position, None when unknown.")


class Fiche(Record):
    """A fiche métier (its own parent) or fiche emploi (attached to a fiche métier)."""

    code_rome: str = Field(description="ROME code, e.g. M1805 or M1855.")
    code_ogr: str = Field(description="OGR code of the fiche.")
    libelle: str = Field(description="Title of the fiche.")
    code_rome_parent: str = Field(
        description="Fiche métier this fiche belongs to (itself if métier)."
    )
    transitions: Transitions = Field(description="Transition tags.")
    emploi_reglemente: bool | None = Field(description="Regulated occupation, None when unknown.")
    emploi_cadre: bool | None = Field(description="Executive (cadre) position, None when unknown.")

    @property
    def is_metier(self) -> bool:
        """True for a fiche métier, False for a fiche emploi."""
        return self.code_rome == self.code_rome_parent


class Competence(Record):
    """A savoir-faire, a macro-compétence or a savoir-être professionnel."""

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    nature: Literal["Compétence", "Macro-compétence"] = Field(description="Leaf or macro.")
    categorie: Literal["Savoir-faire", "Savoir-être professionnel"] = Field(description="Category.")
    sous_categorie: str | None = Field(description="Technique, Technique expert or Transverse.")
    definition: str | None = Field(description="Definition, for some macro-compétences.")
    code_ogr_macro: str | None = Field(description="OGR code of the parent macro-compétence.")
    code_macro: str | None = Field(
        description="Tree code of a macro, e.g. 1A101 (domaine 1 > enjeu 1A > objectif 1A1)."
    )
    transitions: Transitions = Field(description="Transition tags.")


class Savoir(Record):
    """A savoir (knowledge) in one of five categories."""

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    categorie: str = Field(description="Category, e.g. Techniques professionnelles.")
    sous_categorie: str = Field(description="Sub-category.")
    transitions: Transitions = Field(description="Transition tags.")


class Contexte(Record):
    """A contexte de travail (schedule, place, risk, public, structure, status)."""

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    type_code: str = Field(description="Code of the contexte type.")
    type_libelle: str = Field(description="Label of the contexte type.")


class Node(Record):
    """A labelled node of a tree or classification (domaine, secteur, thème, centre d'intérêt…)."""

    code: str = Field(description="Code of the node.")
    libelle: str = Field(description="Label.")
    definition: str | None = Field(
        default=None, description="Definition text, when the export has one."
    )
    parent: str | None = Field(default=None, description="Code of the parent node, if any.")


class FicheLink(Record):
    """A fiche's membership of a classification node (secteur, thème, centre d'intérêt, NAF)."""

    code: str = Field(description="Code of the node.")
    code_rome: str = Field(description="Fiche.")
    principal: bool | None = Field(default=None, description="Main node of the fiche, when given.")


class ItemLink(Record):
    """A fiche ↔ item link (savoir-faire, savoir, contexte, macro) with its core flag."""

    code_rome: str = Field(description="Fiche.")
    code_ogr: str = Field(description="Item.")
    coeur_metier: CoeurMetier | None = Field(
        description="Core of the métier: Principale or Émergente."
    )


class Mobilite(Record):
    """A métier proche: from one fiche to a target fiche, ranked."""

    code_rome: str = Field(description="Source fiche.")
    code_rome_cible: str = Field(description="Target fiche.")
    ordre: int = Field(description="Rank given by the export (lower first).")


class Texte(Record):
    """One sentence of a fiche's définition or accès au métier."""

    code_rome: str = Field(description="Fiche.")
    kind: TexteKind = Field(description="definition or acces_metier.")
    position: int = Field(description="Order of the sentence.")
    texte: str = Field(description="The sentence.")


class Riasec(Record):
    """RIASEC profile of a fiche or macro-compétence."""

    majeur: str = Field(description="Major RIASEC letter.")
    mineur: str | None = Field(description="Minor RIASEC letter, if any.")


class BlocLink(Record):
    """A fiche ↔ record link by bloc of the fiche page (unix_liens_rome_referentiels)."""

    code_rome: str = Field(description="Fiche.")
    bloc: int = Field(description="Bloc: 1 code, 2 emplois, 5 compétences, 6 contextes...")
    rubrique: int | None = Field(description="In bloc 5: 1 savoir-faire, 2 savoir-être, 3 savoirs.")
    code_ogr: str = Field(description="Linked record.")
