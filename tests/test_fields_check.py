"""data/realtext/fields_check.py: every field scored by the shared scorer's rules, spent sets
summed from their counts, and --show refused on a set that is not spent. Made-up articles (the
real texts live outside the repository)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "realtext"))
import fields_check
from score import SETS, SPENT

GOLD = [{"id": "a", "relevant": True, "agencies": [{"id": "kw-moi", "names": ["وزارة الداخلية"]}],
         "laws": [], "years": [2024], "persons": [], "locations": ["الكويت"],
         "events": [{"type": "meeting", "year": 2024}]}]
PRED = {"a": {"entities": [{"label": "AGENCY", "text": "وزارة الداخلية", "canonical": "kw-moi"},
                           {"label": "LOCATION", "text": "دبي"}],
              "years": [2024, 2023], "events": []}}


def test_every_field_is_scored_by_the_shared_scorer():
    fields = fields_check.score_set(fields_check.load_scorer(), {"gold": GOLD, "preds": PRED})
    assert set(fields) == set(fields_check.FIELDS)
    assert (fields["agencies"].tp, fields["agencies"].fp) == (1, 0)
    assert (fields["years"].tp, fields["years"].fp) == (1, 1)
    assert (fields["locations"].fp, fields["locations"].fn) == (1, 1)
    assert fields["events"].fn == 1


def test_the_spent_sets_are_summed_from_their_counts():
    scorer = fields_check.load_scorer()
    one = fields_check.score_set(scorer, {"gold": GOLD, "preds": PRED})
    total = fields_check.summed(scorer, {"dev": one, "heldout": one})
    assert (total["years"].tp, total["years"].fp) == (2, 2)
    assert total["years"].scores()["f1"] == one["years"].scores()["f1"]


def test_the_report_has_a_line_a_set_and_shows_misses_only_when_asked():
    scorer = fields_check.load_scorer()
    result = {"dev": fields_check.score_set(scorer, {"gold": GOLD, "preds": PRED})}
    assert len(fields_check.report(result).splitlines()) == 2
    shown = fields_check.report(result, show=True)
    assert "MISS  dev       events    a: ('meeting', 2024)" in shown
    assert "FALSE dev       years     a: 2023" in shown


@pytest.mark.parametrize("name", [n for n in SETS if n not in SPENT])
def test_show_is_refused_on_a_set_that_is_not_spent(name, capsys, monkeypatch):
    monkeypatch.setattr(fields_check, "build", lambda *_: pytest.fail("the pipeline was built"))
    with pytest.raises(SystemExit):
        fields_check.main(["--set", name, "--show"])
    assert "spent sets only" in capsys.readouterr().err


def test_by_default_only_the_spent_sets_are_scored(monkeypatch, capsys):
    asked = []
    monkeypatch.setattr(fields_check, "build", lambda *_: None)
    monkeypatch.setattr(fields_check, "check", lambda nlp, sets, texts: asked.extend(sets) or {})
    fields_check.main([])
    assert asked == list(SPENT)
