"""Output formats (newsfacts.formats): the registry and each writer, on hand-made records."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pytest import param

from newsfacts import formats
from newsfacts.formats.article_tables import change_text, fmt_value
from newsfacts.formats.base import RecordWriter, TableWriter
from newsfacts.formats.to_html import _displacy_data, to_html
from newsfacts.records import ArticleFacts, ExportedArticle

TEXT = "Chen Long of Acme Bank said on 3 May 2020 that loans fell 80% to 3 billion yuan. Zürich <b>"


def _span(sub: str) -> dict:
    i = TEXT.index(sub)
    return {"start": i, "end": i + len(sub), "text": sub, "sentence": TEXT[:TEXT.index(".") + 1]}


def make_facts(aid: str = "a1", title: str | None = "Loans <fall>") -> ArticleFacts:
    claim = _span("80%")
    data = {
        "article": {"id": aid, "title": title, "published": "2020-05-04"},
        "entities": [
            {"id": "E1", "type": "PERSON", "name": "Chen Long", "aliases": ["Chen", "C&L"], "roles": ["chief"],
             "mentions": [_span("Chen Long")]},
            {"id": "E2", "type": "ORG", "name": "Acme Bank", "mentions": [_span("Acme Bank")]},
            {"id": "E3", "type": "PRODUCT", "name": "Zürich", "mentions": [_span("Zürich")]},
        ],
        "dates": [{"id": "T1", "type": "DATE", "value": "2020-05-03", "anchor": "explicit", **_span("3 May 2020")}],
        "claims": [{"id": "C1", **claim, "evidence": "fell 80%", "evidence_start": TEXT.index("fell 80%"),
                    "evidence_end": TEXT.index("fell 80%") + 8, "value": 80.0, "unit": "percent", "concept": "loans",
                    "change": {"direction": "down", "from_value": None, "to_value": 3e9, "relative": 80.0},
                    "date_id": "T1", "time": "2020-05-03", "entity_id": "E2"}],
    }
    return ArticleFacts.model_validate(data, context={"text": TEXT})


# --------------------------------------------------------------------------- registry


def test_formats_are_registered_by_name_in_order():
    assert formats.names(formats.EXTRACT) == ["text", "json", "jsonl", "html"]
    assert formats.names(formats.EXPORT) == ["jsonl", "csv", "parquet"]
    assert formats.choices(formats.EXPORT) == "jsonl, csv or parquet"
    assert formats.writer(formats.EXTRACT, "jsonl") is formats.writer(formats.EXPORT, "jsonl")


def test_unknown_format_names_the_known_ones():
    with pytest.raises(formats.UnknownFormat, match="unknown export format 'xml': use jsonl, csv or parquet"):
        formats.writer(formats.EXPORT, "xml")
    with pytest.raises(formats.UnknownFormat, match="unknown extract format 'csv'"):
        formats.writer(formats.EXTRACT, "csv")


def test_a_name_is_registered_once_per_command():
    with pytest.raises(ValueError, match="registered twice"):
        formats.register("jsonl", formats.EXPORT)(type("Again", (RecordWriter,), {}))
    with pytest.raises(ValueError, match="unknown command"):
        formats.register("yaml", "render")(type("Yaml", (RecordWriter,), {}))


def test_describe_uses_the_labels():
    assert formats.describe(formats.EXTRACT) == "text (tables), json, jsonl (one article a line) or html"


# --------------------------------------------------------------------------- cells


@pytest.mark.parametrize("value, text", [
    param(3e9, "3,000,000,000", id="whole-thousands"),
    param(80.0, "80", id="whole"),
    param(0.123456, "0.1235", id="four-significant"),
    param(12345.5, "1.235e+04", id="large-fraction"),
])
def test_fmt_value(value, text):
    assert fmt_value(value) == text


def test_change_text():
    f = make_facts()
    assert change_text(f.claims[0]) == "down to 3,000,000,000 by 80%"
    assert change_text(f.claims[0].model_copy(update={"change": None})) == ""


# --------------------------------------------------------------------------- extract writers


def _write(name: str, records, several: bool = True) -> str:
    out = io.StringIO()
    w = formats.writer(formats.EXTRACT, name)(out, several=several)
    for r in records:
        w.add(r, TEXT)
    w.finish()
    return out.getvalue()


def test_text_writer_prints_header_and_three_tables_at_file_width():
    out = _write("text", [make_facts()])
    lines = out.splitlines()
    assert lines[0] == "Loans <fall>  id=a1  published=2020-05-04"
    for title in ("People and organisations", "Dates", "Numeric claims"):
        assert title in out
    assert "Acme Bank" in out and "Zürich" not in out.split("Dates")[0]  # a PRODUCT is not listed
    assert "down to 3,000,000,000 by 80%" in out
    assert max(len(x) for x in lines) <= 160 and max(len(x) for x in lines) > 80


def test_text_header_of_an_inferred_year():
    f = make_facts()
    f.article.published_inferred, f.article.published_precision = True, "year"
    assert _write("text", [f]).splitlines()[0].endswith("published=2020 (inferred from the text)")


def test_json_writer_one_object_for_one_input_a_list_for_several():
    one = json.loads(_write("json", [make_facts()], several=False))
    assert one["article"]["id"] == "a1"
    several = json.loads(_write("json", [make_facts("a1"), make_facts("a2")], several=True))
    assert [d["article"]["id"] for d in several] == ["a1", "a2"]
    assert "Zürich" in _write("json", [make_facts()], several=False)  # not escaped


def test_jsonl_writer_one_flushed_line_per_record():
    class Stream(io.StringIO):
        flushes = 0

        def flush(self):
            Stream.flushes += 1

    out = Stream()
    w = formats.writer(formats.EXTRACT, "jsonl")(out)
    w.add(make_facts("a1"))
    assert Stream.flushes == 1 and out.getvalue().count("\n") == 1
    w.add(make_facts("a2"))
    w.finish()
    lines = out.getvalue().splitlines()
    assert [json.loads(x)["article"]["id"] for x in lines] == ["a1", "a2"]
    assert json.loads(lines[0])["text"] is None  # None fields are kept


def test_html_writer_page_with_highlights_and_escaped_tables():
    page = _write("html", [make_facts()])
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</body></html>")
    assert "<h2>Loans &lt;fall&gt;</h2>" in page and " &lt;b&gt;</div>" in page and "<b>" not in page
    assert page.count("<h3>") == 3 and "<td>PRODUCT</td>" in page  # the HTML tables list every entity
    assert "<td>Chen; C&amp;L</td>" in page
    assert "DATE 2020-05-03" in page


def test_displacy_spans_first_longest_wins():
    f = make_facts()
    labels = [e["label"] for e in _displacy_data(f, TEXT)["ents"]]
    assert labels == ["PERSON", "ORG", "DATE 2020-05-03", "CLAIM", "PRODUCT"]
    # a claim inside a longer span is not drawn
    f.claims[0].start, f.claims[0].end = f.dates[0].start, f.dates[0].start + 1
    assert "CLAIM" not in [e["label"] for e in _displacy_data(f, TEXT)["ents"]]


def test_html_date_labels_take_the_date_colour():
    assert "#bfe1d9" in to_html([(make_facts(), TEXT)]).split("DATE 2020-05-03")[0][-400:]


# --------------------------------------------------------------------------- export writers


class FakeSource:
    def articles(self):
        for aid in ("a1", "a2"):
            data = make_facts(aid).model_dump(exclude={"text"})
            data["pipeline_version"] = "v"
            for e in data["entities"]:
                e.update(canonical_id=1, canonical_name=e["name"])
            yield ExportedArticle.model_validate(data)

    def tables(self):
        yield "articles", ["id", "title", "published"], [("a1", "x, \"y\"", "2020-05-04"), ("a2", None, None)]
        yield "entities", ["id", "name"], []


def test_jsonl_export_writes_a_file_of_articles(tmp_path):
    counts = formats.writer(formats.EXPORT, "jsonl").export(FakeSource(), tmp_path / "out.jsonl")
    assert counts == {"articles": 2}
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["pipeline_version"] for x in lines] == ["v", "v"]


def test_csv_export_a_file_per_table(tmp_path):
    counts = formats.writer(formats.EXPORT, "csv").export(FakeSource(), tmp_path / "csv")
    assert counts == {"articles": 2, "entities": 0}
    with open(tmp_path / "csv" / "articles.csv", newline="", encoding="utf-8") as fh:
        assert list(csv.reader(fh)) == [["id", "title", "published"], ["a1", 'x, "y"', "2020-05-04"], ["a2", "", ""]]
    assert (tmp_path / "csv" / "entities.csv").read_bytes() == b"id,name\r\n"


def test_parquet_export_a_file_per_table(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    counts = formats.writer(formats.EXPORT, "parquet").export(FakeSource(), tmp_path / "pq")
    assert counts == {"articles": 2, "entities": 0}
    table = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert table.column_names == ["id", "title", "published"] and table.column("title").to_pylist() == ['x, "y"', None]


def test_a_missing_package_is_named(monkeypatch):
    import importlib

    real = importlib.import_module

    def no_pyarrow(name, *a, **k):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(importlib, "import_module", no_pyarrow)
    assert formats.writer(formats.EXPORT, "parquet").missing() == \
        "parquet export needs the pyarrow package: pip install pyarrow"
    assert formats.writer(formats.EXPORT, "csv").missing() is None


def test_every_export_writer_has_an_export_method():
    for name in formats.names(formats.EXPORT):
        assert issubclass(formats.writer(formats.EXPORT, name), (RecordWriter, TableWriter))
