"""Agency kinds of the thirteenth round's development set (issue 9): a section and a
customs post named by their own head noun, a head written as a verb, a name that runs on
into a relative or purpose clause, a short form after a particle opening a clause, an
indefinite "concerned" unit and a hospital's ward as no body, and sister bodies of customs
posts and regional offices the gazetteer now lists."""
import pytest
from conftest import agency_pairs as agencies
from test_agency_model import labelled

from nlp.components.agency_model import _trim
from nlp.extract import analyse


def trimmed(nlp, text: str, name: str) -> str | None:
    """The text `_trim` keeps of the span of `name` in `text`, or None."""
    doc = analyse(nlp, text)
    start = doc.text.index(name)
    span = _trim(doc.char_span(start, start + len(name), alignment_mode="expand"))
    return None if span is None else span.text


def test_a_customs_post_opens_a_name(nlp_light):
    text = "وأحبط موظفو جمرك البطحاء محاولة تهريب."
    assert trimmed(nlp_light, text, "جمرك البطحاء") == "جمرك البطحاء"


def test_a_section_opens_no_name_of_the_model_alone(nlp_light):
    # sections are bodies only with a unit's function (nlp/agency_units.py), not as a head
    assert trimmed(nlp_light, "وقسّم التقرير الدول إلى ثلاث فئات.", "قسّم التقرير") is None


@pytest.mark.parametrize("text,name,kept", [
    ("ويضم مركز الإيواء الذي يستوعب ستين نزيلة.", "مركز الإيواء الذي يستوعب", "مركز الإيواء"),
    ("أنشئت إدارة المتابعة الميدانية وذلك لمتابعة المخالفين.",
     "إدارة المتابعة الميدانية وذلك لمتابعة", "إدارة المتابعة الميدانية"),
])
def test_a_name_stops_before_a_relative_or_purpose_clause(nlp_light, text, name, kept):
    assert trimmed(nlp_light, text, name) == kept


def test_a_short_form_after_a_particle_opening_a_clause_is_its_states_body(any_nlp):
    text = "قال مصدر أمني في الكويت إن الداخلية ضبطت 300 شركة وهمية."
    assert ("الداخلية", "kw-moi") in agencies(any_nlp, text)


@pytest.mark.parametrize("text,name", [
    ("ودعا التقرير إلى إنشاء قسم معني بقضايا الاتجار بالبشر في الوزارة.",
     "قسم معني بقضايا الاتجار بالبشر"),
    ("وفحص الأطباء في قسم الطوارئ بالمستشفى الطفل.", "قسم الطوارئ بالمستشفى"),
])
def test_a_concerned_unit_described_or_a_hospital_ward_is_no_body(nlp_light, text, name):
    assert labelled(nlp_light, text, name) is None


@pytest.mark.parametrize("text,expected", [
    ("وضبط موظفو جمرك البطحاء شحنة مخدرات.", ("جمرك البطحاء", "sa-customs-batha")),
    ("وكرم رئيس الهيئة موظفي إدارة جمارك الشحن الجوي والمطارات الخاصة في الدوحة.",
     ("إدارة جمارك الشحن الجوي والمطارات الخاصة", "qa-customs-air-cargo")),
    ("وشارك المكتب الإقليمي للمفوضية السامية لحقوق الإنسان في تنظيم الدورة.",
     ("المكتب الإقليمي للمفوضية السامية لحقوق الإنسان", "ohchr-romena")),
])
def test_sister_customs_posts_and_regional_offices_are_listed(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)
