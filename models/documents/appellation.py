"""The document of one appellation (job title): the main search target."""

from pydantic import Field

from models.base import RomeRecord
from models.documents.common import Classements, FicheRef
from models.fiches import EmploiTags
from models.vocab import Classification, FicheType


class GenderedForms(RomeRecord):
    """Masculine and feminine forms of a 'Masculin / Féminin …' label."""

    masculin: str = Field(description="e.g. 'Agent d'entretien des espaces verts'.")
    feminin: str = Field(description="e.g. 'Agente d'entretien des espaces verts'.")


class AppellationDocument(RomeRecord):
    """An appellation with its fiche, classifications and tags."""

    id: str = Field(description="Stable document id: the OGR code.")
    code_ogr: str = Field(description="OGR code of the appellation.")
    libelle_long: str = Field(description="Long label, original spelling (display).")
    libelle_long_normalise: str = Field(description="Long label normalised for matching.")
    libelle_court: str = Field(description="Short label, original spelling.")
    libelle_court_normalise: str = Field(description="Short label normalised for matching.")
    formes: GenderedForms | None = Field(
        description="Masculine/feminine forms when the long label is 'Masc / Fém …'."
    )
    fiche: FicheRef = Field(description="Fiche the appellation belongs to.")
    fiche_parent: FicheRef = Field(description="Fiche métier heading that fiche (may be itself).")
    fiche_type: FicheType = Field(description="Type of the appellation's fiche.")
    code_rome_parent_declare: str = Field(
        description="code_rome_parent as written on the appellation row (can differ from "
        "fiche_parent: it names the fiche métier the title came from)."
    )
    classements: Classements = Field(
        description="Domaines, secteurs, centres, thèmes of the fiche."
    )
    tags: EmploiTags = Field(description="Transitions, réglementé, cadre of the appellation.")
    classification: Classification = Field(description="PRINCIPALE or SYNONYME.")
    peu_usite: bool = Field(description="Rarely used title.")
