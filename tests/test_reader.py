"""reader: every bad input gets one clear InputError; good input decodes to the text as written."""

from __future__ import annotations

import codecs

import pytest

from claimkit.errors import InputError
from claimkit.reader import MAX_BYTES, read_article, read_bytes

TEXT = "On July 25, the minister said, “We are ready.” Café prices rose 20 percent — a lot."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 with BOM"),
        (TEXT.encode("utf-16"), "utf-16 with BOM"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16 big-endian with BOM"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_to_the_same_text(tmp_path, data, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_article(path).text == TEXT, encoding


def test_line_endings_are_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"One.\r\n\r\nTwo.")
    assert read_article(path).text == "One.\r\n\r\nTwo."


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"  \n\t\n"), "is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 8), "binary"),
        (lambda p: p.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8"), "byte-order mark"),
        (lambda p: p.write_bytes(b"<html><body><nav>Home</nav></body></html>"), "no article text"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, make, message):
    path = tmp_path / "bad.html" if "html" in message or "article text" in message else tmp_path / "bad.txt"
    make(path)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_article(path)


def test_html_main_text_without_furniture():
    page = (
        "<!doctype html><html><head><title>Ceasefire holds</title>"
        '<meta name="date" content="2024-03-14"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Ceasefire holds</h1><p>On March 3, 2024, the minister said, “We are ready to talk "
        "about the border and the prisoners now.” More than 40 people were killed in the city that week.</p>"
        "<p>Negotiators will meet again in April, officials said on Monday after the talks.</p></article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    ).encode("utf-8")
    read = read_bytes(page, "page.html")
    assert read.format == "html"
    assert "More than 40 people were killed" in read.text
    assert "All rights reserved" not in read.text
    assert read.title == "Ceasefire holds"
    assert str(read.published) == "2024-03-14"
