"""Reading inputs: formats, offsets kept as received, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json

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
