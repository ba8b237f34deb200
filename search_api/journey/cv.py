"""The CV as PDF: one or two A4 pages built from what the person typed, kept nowhere.

reportlab lays it out (platypus: paragraphs that wrap and flow onto a second page); a CV that
would need a third page is refused rather than cut, so nothing the person wrote silently
disappears (the route answers a 422 saying so).
"""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate

from search_api.journey import cv_style as style
from search_api.journey.schemas import CompetenceGroup, CvRequest, Experience

MAX_PAGES = 2
SEPARATOR = " · "


class CvTooLongError(ValueError):
    """The CV would not fit on `MAX_PAGES` pages."""

    def __init__(self) -> None:
        super().__init__(
            f"le CV dépasse {MAX_PAGES} pages : raccourcissez le résumé, des expériences ou des "
            f"listes de compétences. The CV runs past {MAX_PAGES} pages: shorten it."
        )


class _PastCapError(Exception):
    """Raised inside the layout (reportlab re-raises it with its own message appended)."""


class _CappedDocument(SimpleDocTemplate):
    """Stops the layout as soon as a page past the cap would begin."""

    def beforePage(self) -> None:  # noqa: N802 (reportlab's hook name)
        """Refuse a page past `MAX_PAGES` before drawing anything on it."""
        if self.page > MAX_PAGES:
            raise _PastCapError


def _text(value: str) -> str:
    """Typed text as paragraph markup: escaped, line breaks kept, spaces Vera lacks mapped."""
    return escape(value.translate(style.SPACES)).replace("\n", "<br/>")


def _header(cv: CvRequest) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(_text(cv.nom), style.NAME)]
    if cv.metier_vise:
        parts.append(Paragraph(_text(cv.metier_vise.libelle), style.TARGET))
    contact = cv.contact
    reach = [v for v in (contact.email, contact.telephone, contact.ville, contact.site) if v]
    if reach:
        parts.append(Paragraph(SEPARATOR.join(_text(v) for v in reach), style.CONTACT))
    parts.append(HRFlowable(width="100%", thickness=0.8, color=style.ACCENT, spaceAfter=4))
    return parts


def _group(group: CompetenceGroup) -> Paragraph:
    listed = SEPARATOR.join(_text(c) for c in group.competences)
    return Paragraph(f"<b>{_text(group.titre)}</b>\u00a0: {listed}", style.GROUP)


def _dates(job: Experience) -> str:
    return " – ".join(_text(d) for d in (job.debut, job.fin) if d)


def _experience(job: Experience) -> Flowable:
    title = _text(job.intitule) + (f" — {_text(job.employeur)}" if job.employeur else "")
    parts: list[Flowable] = [Paragraph(title, style.JOB)]
    if dates := _dates(job):
        parts.append(Paragraph(dates, style.DATES))
    if job.description:
        parts.append(Paragraph(_text(job.description), style.BODY))
    return KeepTogether(parts)


def story(cv: CvRequest) -> list[Flowable]:
    """The CV's flowables: header, profile, compétences (a reconversion CV leads with them),
    then experiences."""
    flow = _header(cv)
    if cv.resume:
        flow += [Paragraph("Profil", style.SECTION), Paragraph(_text(cv.resume), style.BODY)]
    flow.append(Paragraph("Compétences", style.SECTION))
    flow += [_group(g) for g in cv.competences]
    if cv.experiences:
        flow.append(Paragraph("Expériences", style.SECTION))
        flow += [_experience(job) for job in cv.experiences]
    return flow


def render_cv(cv: CvRequest) -> bytes:
    """The PDF bytes (reproducible: no creation date or random id); `CvTooLongError` past
    `MAX_PAGES` pages."""
    style.register_fonts()
    buffer = BytesIO()
    document = _CappedDocument(
        buffer,
        pagesize=A4,
        leftMargin=style.MARGIN,
        rightMargin=style.MARGIN,
        topMargin=style.MARGIN,
        bottomMargin=style.MARGIN,
        title=f"CV – {cv.nom}",
        author=cv.nom,
        creator="MétierScope",
        lang="fr-FR",
        invariant=True,
    )
    try:
        document.build(story(cv))
    except _PastCapError:
        raise CvTooLongError from None
    return buffer.getvalue()
