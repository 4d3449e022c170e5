"""Files to text: decoding, HTML to main text, size limits, and one clear error for each bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from claimkit.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a newspaper archive page is far smaller; beyond this is not an article
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])", re.I)
# Control characters that never occur in text: their presence means a binary file.
BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
MAX_BINARY_SHARE = 0.01
# English text that is not UTF-8 is nearly always Windows-1252 (curly quotes at 0x93/0x94);
# detectors guess wrong on short texts, so this is tried first when most bytes are ASCII.
WESTERN_FALLBACK = "cp1252"
MIN_ASCII_SHARE = 0.9
MIN_HTML_WORDS = 10  # fewer words than this in a page's main text is a menu, not an article


@dataclass(frozen=True)
class ReadArticle:
    """An article's text as read, and what its file said about it."""

    text: str
    source: str | None
    format: str  # "text" or "html"
    title: str | None = None
    published: dt.date | None = None


def decode(data: bytes, name: str) -> str:
    """Decode bytes: a BOM decides, else UTF-8, else the best guess of charset-normalizer."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding}") from exc
    sample = data[:65536]
    if sample and len(BINARY_BYTES.findall(sample)) / len(sample) > MAX_BINARY_SHARE:
        raise InputError(f"{name}: looks like a binary file, not an article (give a .txt, .md or .html file)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_ascii(data):
        try:
            return data.decode(WESTERN_FALLBACK)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot decode the text (not UTF-8, and no other encoding fits); convert it to UTF-8")
    return str(best)


def _mostly_ascii(data: bytes) -> bool:
    sample = data[:65536]
    return sum(b < 0x80 for b in sample) >= MIN_ASCII_SHARE * len(sample)


def html_to_text(html: str, name: str) -> tuple[str, str | None, dt.date | None]:
    """The main text of an HTML page, its title and date, without navigation or footer."""
    import trafilatura

    document = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise InputError(f"{name}: no article text found in this HTML page")
    title = getattr(document, "title", None)
    published = None
    date = getattr(document, "date", None)
    if date:
        try:
            published = dt.date.fromisoformat(str(date)[:10])
        except ValueError:
            published = None
    return text, title, published


def read_bytes(data: bytes, name: str, *, html: bool | None = None) -> ReadArticle:
    """Turn the bytes of one article into its text; raise InputError with one clear line if unusable."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data) / 1e6:.0f} MB is too large for one article (limit {MAX_BYTES // 2**20} MiB)")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    text = decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: the file holds only white space")
    if html is None:
        html = bool(HTML_SNIFF.match(data[:512].lstrip(codecs.BOM_UTF8)))
    if html:
        body, title, published = html_to_text(text, name)
        return ReadArticle(body, name, "html", title, published)
    return ReadArticle(text, name, "text")


def read_article(path: str | Path, *, source: str | None = None) -> ReadArticle:
    """Read an article file (.txt, .md, .html)."""
    path = Path(path)
    name = source or str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory (use `claimkit batch` for folders)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name}: {size / 1e6:.0f} MB is too large for one article (limit {MAX_BYTES // 2**20} MiB)")
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{name}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return read_bytes(data, name, html=html)
