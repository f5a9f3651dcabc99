"""The benchmark readers and scorers (newsfacts.eval) on small hand-made inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.eval import cqe
from newsfacts.eval.readers import (gold_timexes, parse_dct, read_bio, read_conll, read_tml, repair_iob2,
                                    scored_region)
from newsfacts.eval.scoring import align_mentions, bcubed, f1, iob_spans, pair_overlapping, prf


def test_repair_iob2_and_readers(tmp_path):
    assert repair_iob2(["I-ORG", "I-ORG", "O", "I-PER", "I-LOC"]) == ["B-ORG", "I-ORG", "O", "B-PER", "B-LOC"]
    conll = tmp_path / "c.txt"
    conll.write_text("-DOCSTART- -X- -X- O\n\nAcme NNP B-NP I-ORG\nCorp NNP I-NP I-ORG\nrose VBD B-VP O\n\n"
                     "Paris NNP B-NP I-LOC\n", encoding="utf-8")
    assert read_conll(conll) == [(["Acme", "Corp", "rose"], ["B-ORG", "I-ORG", "O"]), (["Paris"], ["B-LOC"])]
    bio = tmp_path / "o.bio"
    bio.write_text("-DOCSTART- (nw/a/01)\nChen\tB-PERSON\nspoke\tO\n\n-DOCSTART- (wb/b/02)\nHi\tO\n", encoding="utf-8")
    assert read_bio(bio) == [(["Chen", "spoke"], ["B-PERSON", "O"]), (["Hi"], ["O"])]
    assert read_bio(bio, {"nw"}) == [(["Chen", "spoke"], ["B-PERSON", "O"])]


def test_iob_spans_and_prf():
    assert iob_spans(["B-ORG", "I-ORG", "O", "I-PER", "B-PER"]) == [("ORG", 0, 2), ("PER", 3, 4), ("PER", 4, 5)]
    gold = [["B-ORG", "I-ORG", "O", "B-PER"]]
    pred = [["B-ORG", "I-ORG", "O", "B-ORG"]]
    res = prf(gold, pred)
    assert res["ORG"] == {"p": 50.0, "r": 100.0, "f1": 66.67, "n": 1}
    assert res["ALL"]["f1"] == 50.0 and res["PER"]["r"] == 0.0
    assert f1(0.0, 0.0) == 0.0


def test_tml_reader_dct_and_scored_region(tmp_path):
    tml = tmp_path / "a.tml"
    tml.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>'
                   '<TEXT>Sales rose <TIMEX3 tid="t1" type="DATE" value="2012">last year</TIMEX3> &amp; '
                   'more.</TEXT></TimeML>', encoding="utf-8")
    doc = read_tml(tml)
    assert doc["dct"] == "2013-03-22" and doc["text"] == "Sales rose last year & more."
    assert [(t["text"], t["value"]) for t in gold_timexes(doc)] == [("last year", "2012")]
    assert parse_dct("20130322") == dt.date(2013, 3, 22) and parse_dct("") is None
    assert scored_region({"text": "a\nb"}) is None
    assert scored_region({"text": "Title\nbody one\nrest", "entity_mentions": [{"end": 8}]}) == 14


class _M:
    def __init__(self, start, end):
        self.start, self.end = start, end


def test_pair_overlapping_is_one_to_one_largest_overlap_first():
    gold = [{"start": 0, "end": 10}, {"start": 12, "end": 15}]
    system = [_M(2, 4), _M(0, 9), _M(20, 22)]
    pairs = pair_overlapping(gold, system)
    assert [(g["start"], s.start) for g, s in pairs] == [(0, 0)]


def test_align_and_bcubed():
    sys_m = [("d", (0, 0)), ("d", (3, 3)), ("d", (7, 7))]
    gold_m = [("d", (0, 1)), ("d", (3, 3))]
    pairs = align_mentions(sys_m, gold_m)
    assert pairs == {1: 1, 0: 0}  # identical span first, then inside a gold span
    p, r, f = bcubed(["a", "a", "b"], ["x", "y"], pairs)
    assert (round(p, 3), round(r, 3)) == (0.667, 1.0) and f == pytest.approx(0.8)


def test_cqe_matching_rules():
    assert cqe._gold_value("3-5") == (3.0, 5.0) and cqe._gold_value("-2") == -2.0
    items = [("t", [{"value": "5", "normalized_unit": "percentage", "change": "up", "referred_concepts": "sales"}],
              [{"value": 5.0, "normalized_unit": "percentage", "change": "up", "referred_concepts": ["Sales"],
                "text": "5%"},
               {"value": 7.0, "normalized_unit": "-", "change": "=", "referred_concepts": ["-"], "text": "7"}], 0)]
    out, n_gold, n_pred = cqe.score(items, True)
    assert (n_gold, n_pred) == (1, 2)
    assert out["value"] == (50.0, 100.0, 66.7) and out["value+concept_complete"] == (50.0, 100.0, 66.7)
