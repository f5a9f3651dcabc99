"""Reading inputs: formats, offsets kept as received, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from newsfacts.errors import InputError
from newsfacts.ingest import (
    MAX_CHARS, Article, Failure, article_id, iter_inputs, normalise_for_models, parse_published,
)


def test_txt_title_is_first_nonempty_line(tmp_path, seed_text):
    p = tmp_path / "a.txt"
    p.write_text(seed_text, encoding="utf-8")
    (art,) = list(iter_inputs([p]))
    assert art.title.startswith("The number of online loan platforms dropped to one")
    assert art.text == seed_text


def test_txt_on_one_line_or_with_a_long_first_line_has_no_title(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text("Acme hired 20 people in May. " * 50, encoding="utf-8")
    assert list(iter_inputs([p]))[0].title is None
    p.write_text("x" * 301 + "\n\nAcme hired 20 people.", encoding="utf-8")
    assert list(iter_inputs([p]))[0].title is None


def test_jsonl_keeps_text_exactly_and_reads_fields(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [{"id": "x1", "text": "  Leading space. Acme Corp rose 5%.", "published": "2020-05-09", "title": "T"},
            {"text": "Second article about the Bank of China."}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    a, b = list(iter_inputs([p]))
    assert a.id == "x1" and a.text.startswith("  Leading") and a.published == dt.date(2020, 5, 9)
    assert b.id == article_id(b.text) and len(b.id) == 16


def test_article_id_ignores_whitespace_differences():
    assert article_id("Acme  rose\n5%.") == article_id("Acme rose 5%.")
    assert article_id("Acme rose 5%.") != article_id("Acme rose 6%.")


def test_normalise_for_models_keeps_length():
    text = "the country \u2019s \u201cthree offices\u201d\u00a0\u2014 \uff08ok\uff09"
    out = normalise_for_models(text)
    assert len(out) == len(text)
    assert out == "the country 's \"three offices\" - (ok)"


@pytest.mark.parametrize("value", ["-", "2019-13-45", "May 9", "2019-02-30"])
def test_bad_published_is_refused_with_name(value):
    with pytest.raises(InputError, match=r"feed\.jsonl:3"):
        parse_published(value, "feed.jsonl:3")


def test_empty_and_whitespace_text(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n\t \n", encoding="utf-8")
    (f,) = list(iter_inputs([p]))
    assert isinstance(f, Failure) and f.origin == str(p) and "empty" in f.reason


def test_binary_file(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (f,) = list(iter_inputs([p]))
    assert isinstance(f, Failure) and "binary" in f.reason


def test_invalid_utf8(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\xe9 prices rose 5%".encode("latin-1"))
    (f,) = list(iter_inputs([p]))
    assert isinstance(f, Failure) and "UTF-8" in f.reason


def test_ten_megabyte_article_is_refused(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("word " * (2 * 1024 * 1024), encoding="utf-8")  # 10 MiB
    (f,) = list(iter_inputs([p]))
    assert isinstance(f, Failure) and f"{MAX_CHARS:,}" in f.reason


def test_jsonl_bad_lines_are_reported_in_order_and_good_ones_kept(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        '{"text": "Acme hired 20 people."}\n'
        '{"text": "broken\n'
        '{"title": "no text here"}\n'
        '{"text": "Beta cut 5 jobs.", "published": "2019-13-45"}\n'
        '{"text": "Gamma sold 3 plants."}\n',
        encoding="utf-8",
    )
    items = list(iter_inputs([p]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "Failure", "Failure", "Failure", "Article"]
    assert items[1].origin.endswith("mixed.jsonl:2") and "malformed JSON" in items[1].reason
    assert items[2].origin.endswith(":3") and "no 'text'" in items[2].reason
    assert items[3].origin.endswith(":4") and "2019-13-45" in items[3].reason


def test_html_main_text(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join(["Acme Corp said on Monday that its revenue rose 12% to $3.4 billion in 2019."] * 6)
    p.write_text(
        f"<html><head><title>Acme results</title></head><body><nav>Home | About</nav>"
        f"<article><h1>Acme results</h1><p>{body}</p></article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    (a,) = list(iter_inputs([p]))
    assert isinstance(a, Article) and "revenue rose 12%" in a.text and "Copyright" not in a.text


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.\nAcme rose.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("One.\nBeta fell.", encoding="utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x00")
    titles = [a.title for a in iter_inputs([tmp_path])]
    assert titles == ["One.", "Two."]


def test_missing_path():
    with pytest.raises(InputError, match="no such file"):
        list(iter_inputs(["/nonexistent/article.txt"]))


# -- one bad input never costs the others (issue 13) --------------------------------------------

GOOD_A = '{"id": "a", "text": "Acme hired 20 people."}'
GOOD_B = '{"id": "b", "text": "Beta cut 5 jobs."}'


def _kinds(items):
    return [(type(i).__name__, getattr(i, "id", None) or getattr(i, "origin", None)) for i in items]


def test_deeply_nested_json_line_is_one_failure(tmp_path):
    p = tmp_path / "nested.jsonl"
    p.write_text(GOOD_A + "\n" + "[" * 100_000 + "]" * 100_000 + "\n" + GOOD_B + "\n", encoding="utf-8")
    items = list(iter_inputs([p]))
    assert _kinds(items) == [("Article", "a"), ("Failure", f"{p}:2"), ("Article", "b")]
    assert items[1].reason == "JSON nested too deeply to be an article"
    q = tmp_path / "nested.json"
    q.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (f,) = list(iter_inputs([q]))
    assert isinstance(f, Failure) and "nested too deeply" in f.reason


def test_a_bad_byte_costs_one_jsonl_line(tmp_path):
    p = tmp_path / "bytes.jsonl"
    p.write_bytes(GOOD_A.encode() + b'\n{"text": "caf\xe9 prices rose"}\n' + GOOD_B.encode() + b"\n")
    items = list(iter_inputs([p]))
    assert _kinds(items) == [("Article", "a"), ("Failure", f"{p}:2"), ("Article", "b")]
    assert items[1].reason == "not valid UTF-8 (byte 14 of the line: invalid continuation byte)"


def test_overlong_jsonl_line_is_refused_without_parsing(tmp_path, monkeypatch):
    import newsfacts.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_LINE_BYTES", 60)
    p = tmp_path / "long.jsonl"
    p.write_text(GOOD_A + "\n" + '{"text": "' + "x" * 80 + '"}\n', encoding="utf-8")
    items = list(iter_inputs([p]))
    assert _kinds(items)[0] == ("Article", "a") and "over the limit of 60" in items[1].reason


def test_malformed_json_message_reads_well(tmp_path):
    p = tmp_path / "m.jsonl"
    p.write_text('{"text": "unterminated\n', encoding="utf-8")
    (f,) = list(iter_inputs([p]))
    assert f.reason == "malformed JSON: Unterminated string starting at (line 1, column 10)"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path, encoding):
    p = tmp_path / "wide.txt"
    data = "Title\nAcme hired 20 people in Wuhan.".encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    p.write_bytes(data)
    (a,) = list(iter_inputs([p]))
    assert a.text == "Title\nAcme hired 20 people in Wuhan." and a.title == "Title"
    q = tmp_path / "wide.jsonl"
    q.write_bytes((GOOD_A + "\n" + GOOD_B + "\n").encode("utf-16"))
    assert _kinds(iter_inputs([q])) == [("Article", "a"), ("Article", "b")]


def test_utf16_without_bom_is_named(tmp_path):
    p = tmp_path / "nobom.txt"
    p.write_bytes("Acme hired 20 people.".encode("utf-16-le"))
    (f,) = list(iter_inputs([p]))
    assert "UTF-16 text without a byte-order mark" in f.reason


def test_unreadable_subfolder_is_a_failure(tmp_path, monkeypatch):
    import os

    (tmp_path / "ok.txt").write_text("Acme hired 20 people.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Beta cut 5 jobs.", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_inputs([tmp_path]))
    assert _kinds(items)[0] == ("Failure", str(locked))
    assert items[0].reason == "cannot read folder (Permission denied)"
    assert [type(i).__name__ for i in items[1:]] == ["Article"]


def test_full_width_digits_and_zero_width_joins_read_like_ascii():
    text = "Sales of ３００ units on ２０２０年５月１０日; 3\u200b00 staff; a\u200bb"
    model = normalise_for_models(text)
    assert len(model) == len(text)
    assert model == "Sales of 300 units on 2020年5月10日; 3\u2060" + "00 staff; a b"


def test_lone_surrogates_undecodable_names_links_gzip_and_binary_kinds(tmp_path):
    """Each is one Failure naming the input; the good article beside it is read."""
    import gzip

    (tmp_path / "good.jsonl").write_text('{"id": "g", "text": "Acme hired 20 people."}\n'
                                         '{"text": "The bureau \\ud800 fined 12 firms."}\n', encoding="utf-8")
    (tmp_path / os.fsdecode(b"bad\xfe.txt")).write_bytes(b"\x00\x01\x02" * 10)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "z.jsonl").write_bytes(gzip.compress(b'{"text": "Acme hired 20 people."}\n'))
    (tmp_path / "zeros.txt").write_bytes(b"\x00" * 64)
    got = {(i.origin.rsplit("/", 1)[-1], getattr(i, "reason", "article")) for i in iter_inputs([tmp_path])}
    assert got == {
        ("good.jsonl:1", "article"),
        ("good.jsonl:2", "'text' holds an unpaired surrogate (\\ud800), which is not a character"),
        ("bad\\xfe.txt", "looks like a binary file (NUL bytes), not text"),
        ("gone.txt", "broken link (its target does not exist)"),
        ("z.jsonl", "gzip-compressed; decompress it first"),
        ("zeros.txt", "looks like a binary file (NUL bytes), not text"),
    }


def test_thousands_grouped_with_spaces_join_one_number():
    """SI grouping (no-break, narrow no-break, thin space) and a plain space before a group that
    starts with 0 join; a plain space before any other group does not ("in 2019 200 people")."""
    text = "3 000 000 yuan; 12\u202f000 euros; 1\u00a0200 and 1\u2009500 tonnes; in 2019 200 people"
    model = normalise_for_models(text)
    assert len(model) == len(text)
    assert model == "3\u2060000\u2060000 yuan; 12\u2060000 euros; 1\u2060200 and 1\u2060500 tonnes; in 2019 200 people"
