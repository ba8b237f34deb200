"""Fiches, appellations and fiche texts."""

from pydantic import Field

from models.base import CodeOgr, CodeRome, Label, RomeRecord
from models.vocab import Classification, FicheType, TexteType, TransitionEcologique


class EmploiTags(RomeRecord):
    """Transition, regulation and status tags of a fiche or appellation (None: not assessed)."""

    transition_eco: TransitionEcologique | None = Field(
        description="Ecological-transition category, None when blank."
    )
    transition_num: bool | None = Field(description="Digital-transition job (O/N).")
    transition_demo: bool | None = Field(description="Demographic-transition job (O/N).")
    emploi_reglemente: bool | None = Field(description="Regulated occupation (O/N).")
    emploi_cadre: bool | None = Field(description="Executive (cadre) position (O/N).")


class Fiche(RomeRecord):
    """A fiche: métier (its own parent) or emploi (attached to a fiche métier)."""

    code_rome: CodeRome = Field(description="ROME code, e.g. M1805.")
    code_fiche_metier: CodeOgr = Field(description="Internal numeric id of the fiche.")
    code_ogr: CodeOgr = Field(description="OGR code of the fiche.")
    libelle: Label = Field(description="Title, e.g. 'Conducteur / Conductrice d'engins agricoles'.")
    tags: EmploiTags = Field(description="Transitions, réglementé, cadre.")
    code_rome_parent: CodeRome = Field(description="Fiche métier heading it (itself if métier).")

    @property
    def fiche_type(self) -> FicheType:
        """Métier when the fiche is its own parent, else emploi."""
        return FicheType.METIER if self.code_rome_parent == self.code_rome else FicheType.EMPLOI


class Appellation(RomeRecord):
    """A job title attached to one fiche."""

    code_ogr: CodeOgr = Field(description="OGR code of the appellation.")
    libelle_long: Label = Field(description="Long label, usually 'Masculin / Féminin …'.")
    libelle_court: Label = Field(description="Short label (≤ 60 characters).")
    code_rome: CodeRome = Field(description="Fiche the appellation belongs to.")
    tags: EmploiTags = Field(description="Transitions, réglementé, cadre.")
    classification: Classification = Field(
        description="PRINCIPALE: the title of its fiche; SYNONYME otherwise."
    )
    origine: str | None = Field(description="Column `origine`, None when blank.")
    code_rome_parent: CodeRome = Field(
        description="Fiche métier as given by the appellation row; it may differ from the parent "
        "of `code_rome` in unix_referentiel_code_rome (404 rows of v460)."
    )
    peu_usite: bool = Field(description="Rarely used title (O/N).")


class FicheTexte(RomeRecord):
    """One sentence of a fiche's définition or accès au métier."""

    code_rome: CodeRome = Field(description="Fiche the sentence belongs to.")
    code_bloc: str = Field(description="Bloc of the fiche (3 définition, 4 accès au métier).")
    type_texte: TexteType = Field(description="definition or acces_metier.")
    position: int = Field(ge=0, description="Order of the sentence inside its text.")
    texte: Label = Field(
        description="Sentence for display; SQL-doubled apostrophes ('') are undone."
    )
