"""File-name slugs: a label as lowercase ASCII words joined by ``-``, Turkish letters
transliterated (``Önbellek & Asenkron İşler`` -> ``onbellek-asenkron-isler``)."""

from __future__ import annotations

import re
import unicodedata

SLUG_LENGTH = 60
"""A slug is cut to at most this many characters, at a word boundary where there is one."""

# Letters NFKD does not take apart into an ASCII letter and accents. The Turkish dotless
# ı and dotted İ come first: lower() would give "ı" and "i̇" (with a combining dot).
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "Þ": "th",
    }
)
_OTHER = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, limit: int = SLUG_LENGTH, empty: str = "question") -> str:
    """``text`` as a file-name slug: Turkish letters transliterated (ç→c ğ→g ı→i İ→i
    ö→o ş→s ü→u), other accents stripped, lowercase, every run of other characters one
    ``-``, no ``-`` at either end, at most ``limit`` characters (cut after a whole word
    where one fits). Text that leaves nothing gives ``empty``."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_LETTERS))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    slug = _OTHER.sub("-", ascii_text).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary > 0 else slug[:limit]
        slug = slug.strip("-")
    return slug or empty
