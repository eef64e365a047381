"""data/realtext/agency_ids.py: right, wrong and made-up ids counted from extractions against
gold bodies (made-up rows; the real texts live outside the repository), with the shared
scorer's own name matching."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "realtext"))
import agency_ids
from score import load_scorer

GOLD = [{"id": "a", "agencies": [
    {"id": "kw-moi", "names": ["وزارة الداخلية"]},
    {"id": "bh-ppo", "names": ["النيابة العامة"]},
    {"id": "kw-new-body", "names": ["جمعية الأمان"], "new": True}]}]


def entity(text, canonical):
    return {"label": "AGENCY", "text": text, "canonical": canonical}


def test_right_wrong_and_made_up_ids():
    outputs = {"a": {"entities": [
        entity("وزارة الداخلية", "kw-moi"),           # right
        entity("النيابة العامة", "kw-ppo"),           # another state's id: wrong
        entity("جمعية الأمان", "kw-new-jmy-alaman"),  # made up, for a body the gold marks new
        entity("وزارة الداخلية", "xx-new-wzara"),     # made up, for a body the gazetteer knows
        {"label": "PERSON", "text": "علي", "canonical": None}]}}
    known = {"kw-moi", "bh-ppo", "kw-ppo"}
    counts = agency_ids.measure(GOLD, outputs, known, load_scorer().names_match)
    assert counts["total"] == 4
    assert [m[1] for m in counts["right"]] == ["وزارة الداخلية"]
    assert [m[1] for m in counts["wrong"]] == ["النيابة العامة", "وزارة الداخلية"]
    assert [m[1] for m in counts["made"]] == ["جمعية الأمان", "وزارة الداخلية"]
    assert [m[3] for m in counts["made_known"]] == ["kw-moi"]


def test_of_two_gold_bodies_a_text_matches_the_one_that_lists_it_as_written():
    gold = [{"id": "b", "agencies": [
        {"id": "kw-pam-shelter", "names": ["مركز إيواء العمالة الوافدة"]},
        {"id": "kw-pam-shelter-men", "names": ["مركز إيواء العمالة الوافدة للرجال"]}]}]
    outputs = {"b": {"entities": [
        entity("مركز إيواء العمالة الوافدة للرجال", "kw-pam-shelter-men"),  # matches both
        entity("مركز إيواء العمالة الوافدة", "kw-pam-shelter-men")]}}      # the women's: wrong
    known = {"kw-pam-shelter", "kw-pam-shelter-men"}
    counts = agency_ids.measure(gold, outputs, known, load_scorer().names_match)
    assert [m[3] for m in counts["right"]] == ["kw-pam-shelter-men"]
    assert [m[3] for m in counts["wrong"]] == ["kw-pam-shelter"]
