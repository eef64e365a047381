"""Page stage "decode": page bytes to text, repairing wrong or missing charsets.

Called by the crawler's `crawlers.middlewares.CharsetRepairMiddleware` on every
downloaded page (so the spider's link extraction sees the right text) and by
`article.examine_page` when it is given bytes (saved pages of local ingest too). Gulf
news sites still serve windows-1256 pages with no charset, or with a wrong one (utf-8 or
iso-8859-1 in the header or a <meta> tag); decoding those as
declared gives replacement characters or Latin mojibake ("ÇáßæíÊ").

`decode_html` decides, in this order:
  1. the source's own `encoding` (sources.toml) when given: the site is known to lie;
  2. a byte-order mark;
  3. UTF-8 when the bytes are valid UTF-8 (windows-1256 text almost never is);
  4. the declared charset (HTTP header, then <meta>) when it decodes to natural text;
  5. windows-1256 when it yields Arabic letters;
  6. charset-normalizer's guess; finally the declared charset with replacements.
"""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

ARABIC_FALLBACK = "cp1256"
_ARABIC = re.compile(r"[\u0621-\u064A]")
_LATIN_SUPPLEMENT = re.compile(r"[\u00C0-\u00FF]")
_LETTER = re.compile(r"[^\W\d_]")
_REPLACEMENT = "\ufffd"


def normalise_encoding(name: str | None) -> str | None:
    """Python's name for an encoding label ("windows-1256" -> "cp1256"), or None."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None


def declared_encoding(body: bytes, content_type: str | None = None) -> str | None:
    """The charset the page declares: the HTTP Content-Type first, then <meta>."""
    declared = http_content_type_encoding(content_type) if content_type else None
    return normalise_encoding(declared or html_body_declared_encoding(body))


def looks_garbled(text: str) -> bool:
    """True if decoded text shows replacement characters or Latin mojibake.

    Arabic read with a Latin single-byte charset comes out as accented Latin
    letters (U+00C0-U+00FF); a fifth of the letters being such is never natural.
    """
    if _REPLACEMENT in text:
        return True
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_LATIN_SUPPLEMENT.findall(text)) / letters > 0.2


def _try(body: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer comes with requests
        return None
    best = from_bytes(body).best()
    return normalise_encoding(best.encoding) if best else None


def decode_html(body: bytes, *, declared: str | None = None,
                forced: str | None = None) -> tuple[str, str]:
    """Decode a page (see the module docstring for the order of the rules).

    Args:
        body: the raw bytes.
        declared: the charset the server or the page declares (None to sniff <meta>).
        forced: the source's configured encoding; wins over everything.
    Returns:
        (text, encoding used).
    """
    if forced := normalise_encoding(forced):
        return body.decode(forced, errors="replace"), forced
    bom, _ = read_bom(body)
    if bom:
        bom = normalise_encoding(bom)
        return body.decode(bom, errors="replace").lstrip("\ufeff"), bom
    if (text := _try(body, "utf-8")) is not None:
        return text, "utf-8"
    declared = normalise_encoding(declared) or declared_encoding(body)
    text = _try(body, declared)
    if text is not None and not looks_garbled(text):
        return text, declared
    text = _try(body, ARABIC_FALLBACK)
    if text is not None and _ARABIC.search(text):
        return text, ARABIC_FALLBACK
    guessed = _guess(body)
    if (text := _try(body, guessed)) is not None:
        return text, guessed
    encoding = declared or "utf-8"
    return body.decode(encoding, errors="replace"), encoding
