"""Request and response models of the journey: the CV typed by the person, the "Passer à
l'action" links, and the team's indicators (`/stats`)."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from search_api.common.schemas import CodeLabel, Line, example
from search_api.journey import examples
from search_api.journey.actions import PlaceLevel

# One line of text: no control character. A paragraph: line breaks and tabs allowed.
Paragraph = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$")
]
# Caps that keep a filled-in CV near two pages and its rendering fast; the layout has the last
# word (a CV that would still run past two pages is refused, see `cv.MAX_PAGES`).
MAX_EXPERIENCES = 8
MAX_GROUPS = 12
MAX_PER_GROUP = 20
MAX_DESCRIPTION = 1000
MAX_SUMMARY = 800


class Strict(BaseModel):
    """A request part: an unknown field is a mistake reported as a 422, not ignored."""

    model_config = ConfigDict(extra="forbid")


class Contact(Strict):
    """How to reach the person; every field optional."""

    email: Line | None = Field(
        default=None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="E-mail."
    )
    telephone: Line | None = Field(
        default=None, max_length=25, pattern=r"^[0-9+ ().-]{6,25}$", description="Phone number."
    )
    ville: Line | None = Field(default=None, max_length=100, description="Town.")
    site: Line | None = Field(
        default=None, max_length=200, pattern=r"^https?://\S+$", description="Web page, profile."
    )


class MetierVise(Strict):
    """The métier the CV aims at."""

    code_rome: Line | None = Field(default=None, pattern=r"^[A-N]\d{4}$", description="ROME code.")
    libelle: Line = Field(min_length=1, max_length=150, description="Its title, as printed.")


class Experience(Strict):
    """One job or activity."""

    intitule: Line = Field(min_length=1, max_length=150, description="Job title.")
    employeur: Line | None = Field(default=None, max_length=150, description="Employer, place.")
    debut: Line | None = Field(default=None, max_length=30, description='Start ("2019").')
    fin: Line | None = Field(default=None, max_length=30, description='End ("aujourd’hui").')
    description: Paragraph | None = Field(
        default=None, max_length=MAX_DESCRIPTION, description="What was done (line breaks kept)."
    )


class CompetenceGroup(Strict):
    """Compétences under one heading: a macro-compétence or a type (savoir-être...)."""

    titre: Line = Field(min_length=1, max_length=150, description="Heading.")
    competences: list[Annotated[Line, StringConstraints(min_length=1, max_length=200)]] = Field(
        min_length=1, max_length=MAX_PER_GROUP, description="Compétence labels."
    )


class CvRequest(Strict):
    """Everything printed on the CV; kept only for the time of the request."""

    model_config = ConfigDict(extra="forbid", **example(examples.CV_REQUEST))

    nom: Line = Field(min_length=1, max_length=100, description="First and last name.")
    metier_vise: MetierVise | None = Field(default=None, description="Métier aimed at.")
    resume: Paragraph | None = Field(
        default=None, max_length=MAX_SUMMARY, description="A few lines about the person."
    )
    contact: Contact = Field(default_factory=Contact, description="How to reach the person.")
    experiences: list[Experience] = Field(
        default_factory=list, max_length=MAX_EXPERIENCES, description="Most recent first."
    )
    competences: list[CompetenceGroup] = Field(
        min_length=1, max_length=MAX_GROUPS, description="Grouped compétences."
    )


class PlaceRef(BaseModel):
    """A commune, département or région."""

    type: PlaceLevel = Field(description="Kind of territory.")
    code: str = Field(description="INSEE code.")
    libelle: str = Field(description="Name.")


class ActionLink(BaseModel):
    """One public service that takes the person from this métier to a next step."""

    service: str = Field(description="Service key (`/sortie/{service}` counts and redirects).")
    label: str = Field(description="What the link does, for a button.")
    provider: str = Field(description="The public service behind it.")
    url: str = Field(description="The service's page for this métier and place.")
    sortie: str = Field(description="Local path that counts the click, then redirects to `url`.")
    lieu: PlaceRef | None = Field(
        description="The place the link searches around: the territory asked, or the larger "
        "area containing it when the service has no finer search; null: all of France."
    )
    confirmed: bool = Field(description="The URL scheme and its parameters were confirmed.")
    note: str | None = Field(description="What is not confirmed, when not.")


class ActionsResponse(BaseModel):
    """The "Passer à l'action" links of a fiche for a territory."""

    model_config = example(examples.ACTIONS)

    code_rome: str = Field(description="ROME code the services search (the fiche métier's).")
    libelle: str = Field(description="Title of the fiche asked.")
    appellation: CodeLabel = Field(description="Appellation (code, libelle) the links use.")
    territoire: PlaceRef | None = Field(description="Territory asked, if any.")
    actions: list[ActionLink] = Field(description="One link per service.")


class Count(BaseModel):
    """One counted key."""

    key: str = Field(description="ROME code, service key or normalised query.")
    count: int = Field(description="Times counted since the process started.")


class ZeroResults(BaseModel):
    """Searches that found nothing: counts only, no user, no address."""

    total: int = Field(description="Searches without result.")
    top: list[Count] = Field(description="Most frequent normalised queries, most first.")
    overcount: dict[str, int] = Field(
        description="Per listed query, by how much its count may be too high (a query that "
        "entered the bounded table late inherits the count of the one it replaced)."
    )


class Stats(BaseModel):
    """The team's indicators since the process started."""

    since: str = Field(description="Start of the counts (UTC, ISO 8601).")
    fiche_openings: list[Count] = Field(description="Fiche pages opened, by ROME code.")
    action_clicks: list[Count] = Field(description="Passer à l'action links followed.")
    zero_results: ZeroResults = Field(description="Searches that found nothing.")
