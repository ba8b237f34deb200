"""Links between fiches and the other tables (one record per CSV row)."""

from pydantic import Field

from models.base import Code, CodeOgr, CodeRome, Label, RomeRecord
from models.vocab import CoeurMetier, NoeudDomaineType, Riasec


class CoherenceItem(RomeRecord):
    """A fiche uses an item (savoir-faire, macro, savoir or contexte): unix_coherence_item."""

    code_rome: CodeRome = Field(description="Fiche.")
    code_ogr: CodeOgr = Field(description="Compétence, savoir or contexte.")
    coeur_metier: CoeurMetier | None = Field(
        description="Principale or Émergente when the item is core to the fiche, else None."
    )


class LienReferentiel(RomeRecord):
    """A fiche lists an OGR item in a bloc and rubrique: unix_liens_rome_referentiels."""

    code_rome: CodeRome = Field(description="Fiche.")
    code_bloc: Code = Field(description="Bloc of the fiche (unix_composition_bloc).")
    code_rubrique: Code | None = Field(description="Rubrique inside the bloc, None when blank.")
    code_ogr: CodeOgr = Field(
        description="Listed item: the fiche itself (bloc 1), an appellation (2), a compétence "
        "or savoir (5) or a contexte (6)."
    )


class Mobilite(RomeRecord):
    """A close fiche to move to: unix_rubrique_mobilite."""

    code_rome: CodeRome = Field(description="Source fiche.")
    code_rome_cible: CodeRome = Field(description="Target fiche.")
    ordre: int = Field(ge=0, description="Display order of the target (1 first).")


class FicheRiasec(RomeRecord):
    """RIASEC profile of a fiche."""

    code_rome: CodeRome = Field(description="Fiche.")
    majeur: Riasec = Field(description="Major RIASEC letter.")
    mineur: Riasec | None = Field(description="Minor RIASEC letter, None when blank.")


class MacroCompetenceRiasec(RomeRecord):
    """RIASEC profile of a macro-compétence (both letters may be blank)."""

    code_ogr: CodeOgr = Field(description="Macro-compétence.")
    majeur: Riasec | None = Field(description="Major RIASEC letter, None when blank.")
    mineur: Riasec | None = Field(description="Minor RIASEC letter, None when blank.")


class FicheDomaine(RomeRecord):
    """Grand domaine and domaine professionnel of a fiche: unix_cr_gd_dp."""

    code_rome: CodeRome = Field(description="Fiche.")
    code_grand_domaine: Code = Field(description="Grand domaine letter.")
    code_domaine_professionnel: Code = Field(description="Domaine professionnel, e.g. A11.")


class FicheSecteurActivite(RomeRecord):
    """A fiche in a secteur (and maybe sous-secteur) d'activité."""

    code_rome: CodeRome = Field(description="Fiche.")
    code_secteur: Code = Field(description="Secteur d'activité.")
    code_sous_secteur: Code | None = Field(description="Sous-secteur, None when blank.")
    principal: bool = Field(description="The fiche's main secteur (oui/non).")


class FicheCentreInteret(RomeRecord):
    """A fiche under a centre d'intérêt."""

    code_rome: CodeRome = Field(description="Fiche.")
    code_centre_interet: Code = Field(description="Centre d'intérêt.")
    principal: bool = Field(description="The fiche's main centre d'intérêt (oui/non).")


class FicheTheme(RomeRecord):
    """A fiche under a thème."""

    code_rome: CodeRome = Field(description="Fiche.")
    code_theme: Code = Field(description="Thème.")


class FicheSecteurNaf(RomeRecord):
    """A fiche tagged with a NAF division."""

    code_rome: CodeRome = Field(description="Fiche.")
    code_secteur_naf: Code = Field(description="NAF division (code_secteur_naf).")


class NoeudArborescenceDomaine(RomeRecord):
    """A row of unix_cr_gd_dp_appellations: grand domaine > domaine > fiche > appellation."""

    type_noeud: NoeudDomaineType = Field(description="Level of the row.")
    code_grand_domaine: Code | None = Field(description="Grand domaine letter (levels 1-3).")
    code_domaine_professionnel: Code | None = Field(
        description="Two digits completing the grand domaine letter (levels 2-3)."
    )
    numero_fiche: Code | None = Field(description="Two digits completing the ROME code (level 3).")
    intitule: Label | None = Field(description="Label of a level 1-3 row.")
    libelle_appellation_long: Label | None = Field(description="Long label (level 4).")
    libelle_appellation_court: Label | None = Field(description="Short label (level 4).")
    code_fiche_metier: CodeOgr | None = Field(description="Internal id of the fiche (levels 3-4).")
    code_ogr_rome: CodeOgr | None = Field(description="OGR code of the fiche (levels 3-4).")
    code_ogr_appellation: CodeOgr | None = Field(description="Appellation (level 4).")
