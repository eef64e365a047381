"""timeline/export.py: the plain-text table of `timeline` and `run` cuts titles at words."""
from timeline.export import cut_at_word, to_table

TITLE = "افتتحت اليوم الخميس في دولة الكويت فعاليات الدورة السادسة للجنة الوطنية"


def test_a_short_title_is_shown_whole():
    assert cut_at_word("ورشة عمل تدريبية", 60) == "ورشة عمل تدريبية"


def test_a_long_title_is_cut_at_a_word_with_an_ellipsis():
    shown = cut_at_word(TITLE, 60)
    assert shown.endswith("…") and len(shown) <= 61
    assert TITLE.startswith(shown[:-1])
    assert TITLE[len(shown) - 1] == " "  # the cut falls between two words
    assert shown == "افتتحت اليوم الخميس في دولة الكويت فعاليات الدورة السادسة…"


def test_the_table_shows_the_cut_title_and_undated_rows_with_a_dash():
    row = {"date": None, "year": None, "type": "meeting", "country": "KW", "title": TITLE,
           "agencies": "", "laws": None, "n_sources": 2}
    line = to_table([row])
    assert line.startswith("—") and "الدورة السادسة…" in line and "(2 sources)" in line
    assert "لل " not in line
