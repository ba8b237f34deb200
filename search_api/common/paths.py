"""Path convertors: a path segment that cannot be a ROME or OGR code does not match a record
route at all, so `GET /v1/metiers/match` is a 405 naming POST (not a 422 from the record
route) and a malformed code is a 404 like an unknown one."""

from starlette.convertors import Convertor, register_url_convertor


class RomeConvertor(Convertor[str]):
    """A ROME code, either case: M1805, m1805."""

    regex = r"[A-Na-n]\d{4}"

    def convert(self, value: str) -> str:
        """The code as typed."""
        return value

    def to_string(self, value: str) -> str:
        """The code in a URL."""
        return value


class OgrConvertor(RomeConvertor):
    """An OGR code: digits."""

    regex = r"\d{1,9}"


register_url_convertor("rome", RomeConvertor())
register_url_convertor("ogr", OgrConvertor())
