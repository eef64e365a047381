"""nlp/agency_units.py: sub-units named by "شعبة"/"قسم" and a function the gazetteer
knows are bodies; a ward or a section of anything else is not. Sentences are the team's own."""

import pytest
from conftest import agency_pairs as agencies

from nlp.agency_units import sub_units, unit_functions
from nlp.normalise import normalise_text


def test_functions_come_from_the_gazetteers_unit_names():
    functions = unit_functions()
    assert (normalise_text("بحث"), normalise_text("تحري")) in functions
    assert (normalise_text("طوارئ"),) not in functions


@pytest.mark.parametrize("text,name", [
    ("أكد المتحدث أن شعبة البحث والتحري في جوازات الدمام رصدت المتهمة.", "شعبة البحث والتحري"),
    ("وقال رئيس قسم البحث والتحري في الدوحة إن الحملة مستمرة.", "قسم البحث والتحري"),
    ("ونصبت شعبة التحريات في جدة كمينا للمتهمين.", "شعبة التحريات"),
])
def test_a_sub_unit_with_a_known_function_is_a_body(any_nlp, text, name):
    assert name in [n for n, _ in agencies(any_nlp, text)]


def test_a_ward_or_an_academic_section_is_no_body(any_nlp):
    text = ("نقل المصاب إلى قسم الطوارئ بالمستشفى، وتحدث أستاذ في قسم القانون الدولي "
            "بجامعة الكويت.")
    names = [n for n, _ in agencies(any_nlp, text)]
    assert not any(n.startswith(("قسم", "شعبة")) for n in names)


def test_a_sub_unit_inside_a_name_already_found_is_left_to_it(nlp):
    doc = nlp("أعلنت الإدارة العامة للمباحث الجنائية في الكويت ضبط المتهمين.")
    assert sub_units(doc, list(doc.spans["agencies"])) == []
