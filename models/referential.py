"""Classification tables: domaines, secteurs, centres d'intérêt, thèmes, NAF, blocs, rubriques."""

from pydantic import Field

from models.base import Code, Label, RomeRecord


class GrandDomaine(RomeRecord):
    """A grand domaine (A..N), the top of the fiche tree."""

    code: Code = Field(description="One letter, A to N; the first letter of its fiches' codes.")
    libelle: Label = Field(description="Label, e.g. 'Industrie'.")


class DomaineProfessionnel(RomeRecord):
    """A domaine professionnel (e.g. A11) inside a grand domaine."""

    code: Code = Field(description="Grand domaine letter + 2 digits, e.g. A11.")
    libelle: Label = Field(description="Label, e.g. 'Engins agricoles et forestiers'.")
    code_grand_domaine: Code = Field(description="Grand domaine: the first letter of the code.")


class SecteurActivite(RomeRecord):
    """A secteur d'activité (browsing entry point)."""

    code: Code = Field(description="Numeric code of the secteur, e.g. '110'.")
    libelle: Label = Field(description="Label, e.g. 'Activités juridiques et comptables'.")
    definition: str | None = Field(description="Multi-paragraph presentation, None when blank.")


class SousSecteurActivite(RomeRecord):
    """A sous-secteur d'activité inside a secteur."""

    code: Code = Field(description="Numeric code of the sous-secteur, e.g. '145'.")
    libelle: Label = Field(description="Label, e.g. 'Activités juridiques'.")
    definition: str | None = Field(description="Presentation, None when blank (always in v460).")
    code_secteur: Code = Field(description="Code of the parent secteur d'activité.")


class CentreInteret(RomeRecord):
    """A centre d'intérêt ("J'ai envie de …")."""

    code: Code = Field(description="Numeric code, e.g. '1'.")
    libelle: Label = Field(description='Label, e.g. "J\'ai envie de créer, construire, rénover".')
    definition: str | None = Field(description="Multi-paragraph presentation, None when blank.")


class Theme(RomeRecord):
    """A thème (transverse grouping of fiches, e.g. 'Métiers du nucléaire')."""

    code: Code = Field(description="Three-digit code, e.g. '001' (leading zeros kept).")
    libelle: Label = Field(description="Label of the thème.")
    definition: str | None = Field(description="Presentation, None when blank.")


class SecteurNaf(RomeRecord):
    """A NAF division (French activity nomenclature) used to tag fiches."""

    code: Code = Field(description="NAF division code as used by the fiche links, e.g. '10'.")
    code_technique: Code = Field(description="Internal technical code of the row.")
    libelle: Label = Field(description="Label, e.g. 'Industries alimentaires'.")


class BlocComposition(RomeRecord):
    """A bloc of a fiche (1 code, 2 emplois, 3 définition, 5 compétences …)."""

    code: Code = Field(description="Numeric code of the bloc.")
    libelle: Label = Field(description="Label, e.g. 'Compétences'.")


class Rubrique(RomeRecord):
    """A rubrique inside a bloc (1 savoir-faire, 2 savoir-être professionnels, 3 savoirs)."""

    code: Code = Field(description="Numeric code of the rubrique.")
    code_bloc: Code = Field(description="Bloc the rubrique belongs to.")
    position: int = Field(ge=0, description="Display order inside the bloc.")
    libelle: Label = Field(description="Label, e.g. 'Savoir-faire'.")


class TypeReferentiel(RomeRecord):
    """A type of referential (the v460 file holds only its header)."""

    code: Code = Field(description="Code of the type.")
    libelle: Label = Field(description="Label of the type.")
