"""The CV's look: A4, the Vera fonts reportlab bundles (every French letter, œ, « », ’), one
accent colour, and the paragraph styles of each part."""

from functools import cache

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "Vera"
# The wheel's own TrueType files (reportlab/fonts), found on its font search path: no system
# font package needed, the PDF embeds the subset it uses.
FONT_FILES = {
    FONT: "Vera.ttf",
    "VeraBd": "VeraBd.ttf",
    "VeraIt": "VeraIt.ttf",
    "VeraBI": "VeraBI.ttf",
}
MARGIN = 16 * mm
ACCENT: Color = HexColor("#1f4e79")  # dark blue: prints well in greyscale
MUTED: Color = HexColor("#555555")
BLACK: Color = black
# Spaces Vera has no glyph for, typed by French keyboards before ; : ! ? and in numbers.
SPACES = str.maketrans({"\u202f": "\u00a0", "\u2009": "\u00a0", "\u2007": "\u00a0"})


@cache
def register_fonts() -> None:
    """Register Vera and its bold / italic faces once, as one family (<b>, <i> in paragraphs)."""
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, file))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold="VeraBd", italic="VeraIt", boldItalic="VeraBI"
    )


def _style(
    name: str,
    size: float,
    *,
    font: str = FONT,
    color: Color = BLACK,
    before: float = 0,
    after: float = 0,
    indent: float = 0,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * 1.3,
        textColor=color,
        spaceBefore=before,
        spaceAfter=after,
        leftIndent=indent,
    )


NAME = _style("nom", 20, font="VeraBd", color=ACCENT, after=2)
TARGET = _style("metier", 12, color=ACCENT, after=2)
CONTACT = _style("contact", 9, color=MUTED, after=6)
SECTION = _style("section", 11.5, font="VeraBd", color=ACCENT, before=8, after=3)
BODY = _style("texte", 9.5, after=3)
JOB = _style("poste", 10, font="VeraBd", before=4)
DATES = _style("dates", 8.5, font="VeraIt", color=MUTED, after=1)
GROUP = _style("groupe", 9.5, after=2, indent=3 * mm)
