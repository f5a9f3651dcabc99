"""The CLI as a journalist uses it: formats, --published, and exit codes for bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app

from conftest import SEED_PATH

runner = CliRunner()
FAST = ["--no-transformer"]


def test_extract_text_report():
    res = runner.invoke(app, ["extract", str(SEED_PATH), *FAST])
    assert res.exit_code == 0, res.output
    assert "Guangzhou Financial Supervision Bureau" in res.output and "Numeric claims" in res.output


def test_extract_json_validates_and_offsets_point_into_input(tmp_path):
    text = "  Acme Corp said on Monday that it hired 20 engineers in Berlin.\n"
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a1", "text": text, "published": "2021-03-10"}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(p), "--format", "json", "--include-text", *FAST])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["article"]["id"] == "a1" and doc["article"]["published"] == "2021-03-10"
    assert doc["text"] == text
    for e in doc["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_published_option_anchors_relative_dates(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Acme results\n\nAcme Corp said on Monday that sales fell 5%.", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(p), "--format", "json", "--published", "2021-03-10", *FAST])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["article"]["published"] == "2021-03-10" and not doc["article"]["published_inferred"]


def test_jsonl_output_one_line_per_article():
    res = runner.invoke(app, ["extract", "corpus/wikinews-sample.jsonl", "--format", "jsonl", *FAST])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) == 30 and lines[0]["article"]["id"].startswith("wikinews-")


def test_html_view(tmp_path):
    out = tmp_path / "view.html"
    res = runner.invoke(app, ["extract", str(SEED_PATH), "--format", "html", "-o", str(out), *FAST])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "<mark" in page and "Huang Xinyu" in page and "<h3>Numeric claims</h3>" in page


def test_stdin():
    res = runner.invoke(app, ["extract", "-", "--format", "json", *FAST], input="Title\n\nBeta Bank cut 300 jobs in May 2019.")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["article"]["title"] == "Title"


@pytest.mark.parametrize(
    "content, message",
    [(b"   \n ", "text is empty"), (b"\x00\x01\x02binary", "binary"), (b"caf\xe9", "not valid UTF-8")],
)
def test_single_bad_input_exits_1_with_named_error(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    res = runner.invoke(app, ["extract", str(p), *FAST])
    assert res.exit_code == 1
    assert str(p) in res.stderr and message in res.stderr


@pytest.mark.parametrize("value", ["-", "2019-13-45"])
def test_bad_published_option(value):
    res = runner.invoke(app, ["extract", str(SEED_PATH), "--published", value, *FAST])
    assert res.exit_code == 1 and value in res.stderr


def test_multi_article_input_keeps_good_ones_in_order(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        '{"id": "g1", "text": "Acme hired 20 people."}\n{"text": \n{"id": "g2", "text": "Beta cut 5 jobs."}\n'
        '{"id": "b2", "title": "no text"}\n{"id": "g3", "text": "Gamma sold 3 plants.", "published": "2019-01-02"}\n',
        encoding="utf-8",
    )
    res = runner.invoke(app, ["extract", str(p), "--format", "jsonl", *FAST])
    assert res.exit_code == 1
    ids = [json.loads(line)["article"]["id"] for line in res.stdout.splitlines()]
    assert ids == ["g1", "g2", "g3"]
    assert f"{p}:2" in res.stderr and f"{p}:4" in res.stderr


def test_schema_check_passes_on_repo():
    res = runner.invoke(app, ["schema", "--check"])
    assert res.exit_code == 0, res.output


def test_missing_spacy_model_is_a_clear_error():
    res = runner.invoke(app, ["extract", str(SEED_PATH), "--spacy-model", "en_core_web_nonexistent", *FAST])
    assert res.exit_code == 1 and "en_core_web_nonexistent" in res.stderr and "not installed" in res.stderr


def test_no_articles_and_unwritable_output(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(empty), *FAST])
    assert res.exit_code == 1 and "no articles in" in res.stderr
    res = runner.invoke(app, ["extract", str(SEED_PATH), "-o", str(tmp_path / "missing" / "out.json"), *FAST])
    assert res.exit_code == 1 and "cannot write" in res.stderr


def test_metadata_of_the_wrong_type_is_a_named_error(tmp_path):
    p = tmp_path / "meta.jsonl"
    p.write_text('{"id": "ok1", "text": "Acme hired 20 people."}\n{"text": "Beta cut 5 jobs.", "source": ["a"]}\n'
                 '{"id": "ok2", "text": "Gamma sold 3 plants."}\n', encoding="utf-8")
    res = runner.invoke(app, ["extract", str(p), "--format", "jsonl", *FAST])
    assert res.exit_code == 1 and f"{p}:2" in res.stderr and "'source' must be a string" in res.stderr
    assert [json.loads(line)["article"]["id"] for line in res.stdout.splitlines()] == ["ok1", "ok2"]


def test_invalid_setting_from_the_environment_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("NEWSFACTS_SEGMENT_CHARS", "0")
    res = runner.invoke(app, ["extract", str(SEED_PATH), *FAST])
    assert res.exit_code == 1
    assert "segment_chars" in res.output and "greater than 0" in res.output


def test_json_output_is_a_list_for_several_inputs_even_if_one_fails(tmp_path):
    p = tmp_path / "two.jsonl"
    p.write_text('{"id": "g1", "text": "Acme hired 20 people."}\n{"text": \n', encoding="utf-8")
    res = runner.invoke(app, ["extract", str(p), "--format", "json", *FAST])
    assert res.exit_code == 1
    docs = json.loads(res.stdout)
    assert isinstance(docs, list) and [d["article"]["id"] for d in docs] == ["g1"]
    assert f"{p}:2: malformed JSON" in res.stderr and "column" in res.stderr
