"""Building blocks shared by the indexed documents."""

from pydantic import Field

from models.base import RomeRecord
from models.vocab import CoeurMetier, FicheType


class CodeLabel(RomeRecord):
    """A code and its display label."""

    code: str = Field(description="Code in the export.")
    libelle: str = Field(description="Display label (original spelling).")


class FlaggedCodeLabel(RomeRecord):
    """A classification the fiche belongs to, with the fiche's main one flagged."""

    code: str = Field(description="Code in the export.")
    libelle: str = Field(description="Display label.")
    principal: bool = Field(description="The fiche's main entry of this kind.")


class SousSecteurRef(RomeRecord):
    """A sous-secteur d'activité with its secteur."""

    code: str = Field(description="Code of the sous-secteur.")
    libelle: str = Field(description="Label of the sous-secteur.")
    code_secteur: str = Field(description="Code of its secteur d'activité.")
    principal: bool = Field(description="Listed on the fiche's main secteur row.")


class FicheRef(RomeRecord):
    """A pointer to a fiche with what a result list shows."""

    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Fiche title.")
    fiche_type: FicheType = Field(description="metier or emploi.")


class FicheUsage(RomeRecord):
    """A fiche using a compétence, savoir or contexte."""

    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Fiche title.")
    fiche_type: FicheType = Field(description="metier or emploi.")
    coeur_metier: CoeurMetier | None = Field(
        description="Principale / Émergente when core to the fiche, else None."
    )


class ItemUsage(RomeRecord):
    """A compétence, savoir or contexte as listed on a fiche."""

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Display label.")
    coeur_metier: CoeurMetier | None = Field(
        description="Principale / Émergente when core to the fiche, else None."
    )


class Classements(RomeRecord):
    """Where a fiche sits in the browsing trees."""

    grand_domaine: CodeLabel | None = Field(description="Grand domaine (A..N).")
    domaine_professionnel: CodeLabel | None = Field(description="Domaine professionnel.")
    secteurs: tuple[FlaggedCodeLabel, ...] = Field(description="Secteurs d'activité.")
    sous_secteurs: tuple[SousSecteurRef, ...] = Field(description="Sous-secteurs d'activité.")
    centres_interet: tuple[FlaggedCodeLabel, ...] = Field(description="Centres d'intérêt.")
    themes: tuple[CodeLabel, ...] = Field(description="Thèmes.")
    secteurs_naf: tuple[CodeLabel, ...] = Field(description="NAF divisions.")
