"""Pieces shared by the document builders: fiche pointers, classifications, gendered labels."""

from indexer.rome.referential import Referential
from models.documents.appellation import GenderedForms
from models.documents.common import (
    Classements,
    CodeLabel,
    FicheRef,
    FicheUsage,
    FlaggedCodeLabel,
    SousSecteurRef,
)

LABEL_SEPARATOR = " / "


def split_gendered_label(label: str) -> GenderedForms | None:
    """'Agent / Agente d'entretien' -> ('Agent d'entretien', 'Agente d'entretien').

    The words before ' / ' are the masculine head; the feminine part has as many head words,
    and what follows them is shared. None unless the label has exactly one ' / '.
    """
    if label.count(LABEL_SEPARATOR) != 1:
        return None
    left, right = label.split(LABEL_SEPARATOR)
    head, words = left.split(), right.split()
    if not head or len(words) < len(head):
        return None
    return GenderedForms(masculin=" ".join([*head, *words[len(head) :]]), feminin=" ".join(words))


def fiche_ref(ref: Referential, code_rome: str) -> FicheRef:
    """Code, title and type of a fiche."""
    fiche = ref.fiches[code_rome]
    return FicheRef(code_rome=code_rome, libelle=fiche.libelle, fiche_type=fiche.fiche_type)


def fiche_usages(ref: Referential, code_ogr: str) -> tuple[FicheUsage, ...]:
    """Fiches listing an item, by ROME code, with the core flag."""
    return tuple(
        FicheUsage(
            code_rome=link.code_rome,
            libelle=ref.fiches[link.code_rome].libelle,
            fiche_type=ref.fiches[link.code_rome].fiche_type,
            coeur_metier=link.coeur_metier,
        )
        for link in ref.lookup.coherence_by_item.get(code_ogr, ())
    )


def _secteurs(ref: Referential, code_rome: str) -> tuple[FlaggedCodeLabel, ...]:
    principal: dict[str, bool] = {}
    for link in ref.lookup.secteurs_by_fiche.get(code_rome, ()):
        principal[link.code_secteur] = principal.get(link.code_secteur, False) or link.principal
    return tuple(
        FlaggedCodeLabel(code=code, libelle=ref.secteurs_activite[code].libelle, principal=flag)
        for code, flag in principal.items()
    )


def classements(ref: Referential, code_rome: str) -> Classements:
    """Domaines, secteurs, sous-secteurs, centres d'intérêt, thèmes and NAF of a fiche."""
    lookup = ref.lookup
    domaines = ref.fiche_domaines.get(code_rome)
    grand = domaine = None
    if domaines is not None:
        gd = ref.grands_domaines[domaines.code_grand_domaine]
        dp = ref.domaines_professionnels[domaines.code_domaine_professionnel]
        grand = CodeLabel(code=gd.code, libelle=gd.libelle)
        domaine = CodeLabel(code=dp.code, libelle=dp.libelle)
    return Classements(
        grand_domaine=grand,
        domaine_professionnel=domaine,
        secteurs=_secteurs(ref, code_rome),
        sous_secteurs=tuple(
            SousSecteurRef(
                code=link.code_sous_secteur,
                libelle=ref.sous_secteurs_activite[link.code_sous_secteur].libelle,
                code_secteur=link.code_secteur,
                principal=link.principal,
            )
            for link in lookup.secteurs_by_fiche.get(code_rome, ())
            if link.code_sous_secteur is not None
        ),
        centres_interet=tuple(
            FlaggedCodeLabel(
                code=link.code_centre_interet,
                libelle=ref.centres_interet[link.code_centre_interet].libelle,
                principal=link.principal,
            )
            for link in lookup.centres_by_fiche.get(code_rome, ())
        ),
        themes=tuple(
            CodeLabel(code=link.code_theme, libelle=ref.themes[link.code_theme].libelle)
            for link in lookup.themes_by_fiche.get(code_rome, ())
        ),
        secteurs_naf=tuple(
            CodeLabel(
                code=link.code_secteur_naf,
                libelle=ref.secteurs_naf[link.code_secteur_naf].libelle,
            )
            for link in lookup.naf_by_fiche.get(code_rome, ())
        ),
    )
