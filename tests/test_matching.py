"""nlp/components/matching.py: names matched on normalised tokens, longest first, over lost
spaces, runs of spaces and quote marks inside a name."""
import pytest

from nlp.components.matching import PhraseTable


@pytest.fixture(scope="module")
def table(nlp_light):
    table = PhraseTable(nlp_light.vocab, nlp_light.tokenizer, glued=True)
    table.add_all([("مركز أمان لإيواء النساء والأطفال", "aman"), ("صحيفة عمان", "oman-paper"),
                   ("وزارة الداخلية", "moi"), ("لجنة منع الجريمة", "committee"),
                   ("مكتب الأمم المتحدة المعني بالمخدرات", "unodc"), ("الأمم المتحدة", "un")])
    return table


def found(table, nlp, text):
    return [(span.text, entries) for span, entries in table.find(nlp.make_doc(text))]


def test_the_longest_name_wins_where_names_overlap(table, nlp_light):
    assert found(table, nlp_light, "وقال مكتب الأمم المتحدة المعني بالمخدرات إن") == [
        ("مكتب الأمم المتحدة المعني بالمخدرات", ["unodc"])]


def test_a_space_lost_before_a_definite_word(table, nlp_light):
    assert found(table, nlp_light, "وأعلنت وزارةالداخلية أمس") == [("وزارةالداخلية", ["moi"])]


def test_a_lam_word_name_after_lil(table, nlp_light):
    assert [e for _, e in found(table, nlp_light, "وقدم تقريراً للجنة منع الجريمة")] == [["committee"]]


def test_a_run_of_spaces_inside_a_name(table, nlp_light):
    assert found(table, nlp_light, "وقالت وزارة   الداخلية إن") == [("وزارة   الداخلية", ["moi"])]


@pytest.mark.parametrize("text,name", [
    ("ويقدم مركز «أمان» لإيواء النساء والأطفال خدماته", "مركز «أمان» لإيواء النساء والأطفال"),
    ('ويقدم مركز "أمان" لإيواء النساء والأطفال خدماته', 'مركز "أمان" لإيواء النساء والأطفال'),
])
def test_a_word_of_the_name_quoted_inside_it(table, nlp_light, text, name):
    assert found(table, nlp_light, text) == [(name, ["aman"])]


def test_a_quotation_the_name_would_end_inside_is_no_match(table, nlp_light):
    # the paper's name quoted: "عمان" opens a quotation that the name would cut
    assert found(table, nlp_light, 'ونقلت صحيفة "عمان اليوم" عن المسؤول') == []


def test_a_name_quoted_whole_is_matched_without_its_marks(table, nlp_light):
    assert found(table, nlp_light, "وقالت «وزارة الداخلية» في بيان") == [("وزارة الداخلية", ["moi"])]
