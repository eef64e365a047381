"""The project's own scorer (`nlp/evaluate.py`): each matching rule of
shared/gold/README.md, and the same counts as the users' scorer on the test articles and
the seeds (that comparison needs ../shared; it skips with the reason without it)."""

import importlib.util
from pathlib import Path

import pytest

from nlp.evaluate import (
    Tally,
    agency_matches,
    extract_set,
    law_matches,
    person_matches,
    place_matches,
    read_gold,
    same_name,
    score_set,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLES = ROOT / "tests" / "articles"


@pytest.mark.parametrize("predicted,gold,same", [
    ("بوزارة الداخلية", "وزارة الداخلية", True),  # ب attached to the first word
    ("وللجنة الوطنية", "اللجنة الوطنية", True),  # و + لل
    ("والنيابة العامة", "النيابة العامة", True),
    ("وِزارةُ الدّاخليّة", "وزارة الداخلية", True),  # diacritics
    ("إدارة مكافحة الاتجار", "ادارة مكافحة الاتجار", True),  # alef forms
    ("الامم المتحدة", "الأمم المتحدة", True),
    ("وزارة الخارجية", "وزارة الداخلية", False),
    ("اللجنة", "اللجنة الوطنية لمكافحة الاتجار", False),  # a part is not the name
])
def test_same_name_after_normalisation_and_clitics(predicted, gold, same):
    assert same_name(predicted, [gold]) is same


def test_names_sharing_three_quarters_of_their_words_match():
    gold = ["مكتب الأمم المتحدة المعني بالمخدرات والجريمة"]
    assert same_name("مكتب الأمم المتحدة المعني بمكافحة المخدرات والجريمة", gold) is False
    assert same_name("مكتب الأمم المتحدة المعني بالمخدرات والجريمة في الخليج", gold) is True


def test_agency_matches_on_canonical_id_whatever_the_text():
    gold = {"id": "kw-moi", "names": ["وزارة الداخلية"]}
    assert agency_matches("الداخلية الكويتية", "kw-moi", gold)
    assert not agency_matches("الداخلية الكويتية", "kw-mofa", gold)


def test_law_matches_on_number_and_year_when_the_gold_has_a_number():
    gold = {"kind": "law", "number": "91", "year": 2013, "names": ["القانون رقم 91 لسنة 2013"]}
    assert law_matches("قانون مكافحة الاتجار", {"number": "91", "year": 2013}, gold)
    assert not law_matches("قانون مكافحة الاتجار", {"number": "91", "year": 2014}, gold)
    unnumbered = {"kind": "protocol", "number": None, "year": None,
                  "names": ["بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص"]}
    assert law_matches("بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص", {"number": None}, unnumbered)


@pytest.mark.parametrize("predicted,gold,same", [
    ("حاتم علي", "حاتم علي", True),
    ("ناصر الصباح", "ناصر صباح الأحمد الصباح", True),  # without the father's names
    ("صباح الخالد", "ناصر صباح الأحمد الصباح", False),  # a relative: another first name
    ("علي", "حاتم علي", False),
])
def test_person_rule(predicted, gold, same):
    assert person_matches(predicted, None, {"names": [gold]}) is same


@pytest.mark.parametrize("predicted,gold,same", [
    ("دولة الكويت", "الكويت", True),
    ("المملكة العربية السعودية", "السعودية", True),
    ("بالكويت", "الكويت", True),
    ("الإمارات العربية المتحدة", "الإمارات", True),
    ("قطر", "الكويت", False),
])
def test_location_rule(predicted, gold, same):
    assert place_matches(predicted, None, {"names": [gold]}) is same


def _gold(**fields):
    return [{"id": "a", "agencies": [], "laws": [], "persons": [], "locations": [],
             "years": [], "events": [], **fields}]


def test_counts_optional_items_and_repeated_false_alarms():
    gold = _gold(agencies=[{"id": "kw-moi", "names": ["وزارة الداخلية"]},
                           {"id": "kuna", "names": ["كونا"], "optional": True},
                           {"id": "kw-ppo", "names": ["النيابة العامة"]}])
    mentions = [{"label": "AGENCY", "text": t, "canonical": None} for t in
                ("وزارة الداخلية", "بوزارة الداخلية", "كونا", "مجلس الأمة", "مَجلس الأمة")]
    tally = score_set(gold, {"a": {"entities": mentions}})["agencies"]
    # one hit (said twice), the optional one neither counts nor costs, one false alarm
    # (said twice, once with a diacritic), one miss
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)
    assert tally.misses == ["a: النيابة العامة"]


def test_years_and_events_are_exact_keys():
    gold = _gold(years=[2013, 2024], events=[
        {"type": "legislation", "year": 2013}, {"type": "training", "year": 2024},
        {"type": "meeting", "year": 2024, "optional": True}])
    predicted = {"years": [2013, 2025], "events": [
        {"type": "legislation", "year": 2013}, {"type": "training", "year": 2023},
        {"type": "meeting", "year": 2024}]}
    tallies = score_set(gold, {"a": predicted})
    assert (tallies["years"].tp, tallies["years"].fp, tallies["years"].fn) == (1, 1, 1)
    events = tallies["events"]
    assert (events.tp, events.fp, events.fn) == (1, 1, 1)  # the optional meeting is free


def test_f1_and_empty_sets():
    assert Tally(tp=68, fp=6, fn=26).f1 == 0.81
    assert Tally().f1 == 1.0  # nothing to find and nothing found
    assert Tally(fp=2).f1 == 0.0


# ------------------------------------------------------ against the users' scorer

@pytest.fixture(scope="module")
def users_scorer():
    path = SHARED / "tools" / "score_extraction.py"
    if not path.is_file():
        pytest.skip(f"../shared not found: the users' scorer is not at {path}")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold_path,texts", [
    (ARTICLES / "gold.jsonl", ARTICLES),
    (SHARED / "gold" / "seeds.jsonl", SHARED / "seeds"),
])
def test_same_counts_as_the_users_scorer(users_scorer, nlp, gold_path, texts):
    gold = read_gold(gold_path)
    predictions = extract_set(nlp, gold, texts)
    theirs = users_scorer.score(gold, predictions)
    ours = score_set(gold, predictions)
    for name, counts in theirs.items():
        expected = {k: counts.scores()[k] for k in ("tp", "fp", "fn", "f1")}
        assert expected == {"tp": ours[name].tp, "fp": ours[name].fp, "fn": ours[name].fn,
                            "f1": ours[name].f1}, name
