"""nlp/agency_context.py: the state of a generic agency name from its sentence, paragraph
and article, and the gazetteer body a name written in another form stands for."""

import pytest
from conftest import agency_pairs as agencies

from nlp.agency_context import (
    name_core,
    name_key,
    paragraph_state,
    similar_agency,
    voted_state,
)
from nlp.extract import analyse


def span_of(doc, name):
    start = doc.text.index(name)
    return doc.char_span(start, start + len(name), alignment_mode="expand")


def test_bahraini_prosecution_in_a_manama_dateline_is_bahrains(nlp_light):
    text = "المنامة في 3 مارس / بنا / أحالت النيابة العامة ثلاثة متهمين بالاتجار بالأشخاص إلى المحكمة."
    assert ("النيابة العامة", "bh-ppo") in agencies(nlp_light, text)


@pytest.mark.parametrize("place,expected", [
    ("دولة قطر", "qa-nchtc"), ("سلطنة عمان", "om-ncct"), ("مملكة البحرين", "bh-nccth"),
    ("المملكة العربية السعودية", "sa-ncctip"), ("دولة الكويت", "kw-ncctp"),
])
def test_the_generic_national_committee_takes_the_state_named_in_its_sentence(
        nlp_light, place, expected):
    text = f"عقدت اللجنة الوطنية لمكافحة الاتجار بالأشخاص في {place} اجتماعها الدوري أمس."
    assert agencies(nlp_light, text)[0][1] == expected


def test_a_generic_name_takes_its_paragraphs_state_before_the_articles(nlp_light):
    text = ("استضافت الدوحة ورشة عمل عن حماية العمال. وقالت النيابة العامة إن القضايا قلت.\n"
            "وفي الكويت أعلنت وزارة الداخلية الكويتية ضبط شبكة في حولي والفروانية.\n"
            "وأكدت الإدارة العامة لشؤون الإقامة في الكويت متابعة المخالفين في الجهراء.")
    doc = analyse(nlp_light, text)
    assert doc._.country == "KW"
    assert paragraph_state(doc, span_of(doc, "النيابة العامة")) == "QA"
    assert ("النيابة العامة", "qa-ppo") in agencies(nlp_light, text)


def test_a_generic_name_with_no_state_in_its_paragraph_takes_the_articles(nlp_light):
    text = ("أعلنت هيئة تنظيم سوق العمل في المنامة إطلاق حملة.\n"
            "وقالت النيابة العامة إنها تتابع القضايا المحالة إليها.")
    assert ("النيابة العامة", "bh-ppo") in agencies(nlp_light, text)


@pytest.mark.parametrize("variant", [
    "الاداره العامه لمباحث شئون الاقامه",      # no hamza, ha for taa marbuta, شئون
    "إدارة عامة لمباحث شؤون الإقامة",          # without the articles
    "للإدارة العامة لمباحث شؤون الإقامة",      # with a clitic
])
def test_written_variants_share_the_gazetteer_names_key(variant):
    assert name_key(variant) == name_key("الإدارة العامة لمباحث شؤون الإقامة")


def test_name_core_sets_aside_qualifiers_adjectives_and_synonyms():
    head, rest, state = name_core("اللجنة الوطنية البحرينية لمكافحة جرائم الاتجار بالبشر")
    assert (head, state) == ("لجنه", "BH")
    assert rest == name_core("لجنة مكافحة الاتجار بالأشخاص")[1]
    assert name_core("النيابة الكويتية") == ("نيابه", frozenset(), "KW")


@pytest.mark.parametrize("context,name,expected", [
    ("أشادت البحرين بجهود", "اللجنة الوطنية للاتجار بالأشخاص", "bh-nccth"),
    ("قالت السعودية إن", "لجنة مكافحة جرائم الاتجار بالأشخاص", "sa-ncctip"),
    ("أكد مسؤول في المنامة أن", "الإدارة العامة للجنسية والجوازات", "bh-npra"),
    ("وفي الكويت قالت", "النيابة الكويتية", "kw-ppo"),
    ("في الرياض أعلنت", "الجمعية الكويتية لحقوق الإنسان", "kw-kshr"),
    ("في اليمن قالت", "منظمة الهجرة الدولية", "iom"),
    ("في الكويت عقدت", "اللجنة الوطنية الدائمة المعنية", "kw-ncctp"),  # a name cut short
])
def test_a_name_in_another_form_is_the_gazetteer_body_of_its_state(
        nlp_light, context, name, expected):
    doc = analyse(nlp_light, f"{context} {name} تعمل على الملف.")
    found = similar_agency(doc, span_of(doc, name))
    assert found is not None and found.id == expected


@pytest.mark.parametrize("text,name", [
    ("في الكويت قالت المحكمة العامة إن", "المحكمة العامة"),          # only qualifiers
    ("في الكويت قالت لجنة الإعلام الجمركي إن", "لجنة الإعلام الجمركي"),  # a body it lacks
    ("في الكويت قالت إدارة علاقات المرور إن", "إدارة علاقات المرور"),  # more words it lacks
])
def test_no_gazetteer_body_when_unsure(nlp_light, text, name):
    doc = analyse(nlp_light, text)
    assert similar_agency(doc, span_of(doc, name)) is None


def test_several_states_named_after_a_name_do_not_decide_its_state(nlp_light):
    text = ("نظمت وزارة الداخلية الكويتية ورشة في الكويت.\n"
            "وشارك ممثلو وزارة الداخلية وخبراء من السعودية وقطر في الجلسة الأولى.")
    found = agencies(nlp_light, text)
    assert found[-1] == ("وزارة الداخلية", "kw-moi")
    one = agencies(nlp_light, "وأكدت وزارة الداخلية في السعودية أن الحملة مستمرة.")
    assert one == [("وزارة الداخلية", "sa-moi")]


def test_a_generic_name_with_no_place_takes_the_state_of_the_articles_currency(nlp_light):
    text = ("أعلنت النيابة العامة إحالة ثلاثة متهمين بغسل الأموال إلى المحكمة المختصة.\n"
            "وقضت المحكمة بغرامة قدرها مليون ريال ومنع المتهمين السعوديين من السفر.")
    assert ("النيابة العامة", "sa-ppo") in agencies(nlp_light, text)


def test_a_name_that_is_one_states_official_name_goes_to_that_state_with_no_context(nlp_light):
    text = ("عقدت اللجنة الوطنية لمكافحة الاتجار بالأشخاص اجتماعها الدوري برئاسة وكيل وزارة "
            "الخارجية أمس.")
    found = agencies(nlp_light, text)
    assert ("اللجنة الوطنية لمكافحة الاتجار بالأشخاص", "bh-nccth") in found
    assert ("وزارة الخارجية", "bh-mofa") in found  # the article's state is the committee's


def test_a_place_name_several_states_share_does_not_decide_the_state(nlp_light):
    text = ("صرح وكيل النيابة بنيابة محافظة العاصمة بأن النيابة العامة أنهت تحقيقاتها.\n"
            "وأحيل المتهمون إلى المحكمة الكبرى الجنائية في مملكة البحرين.")
    assert ("النيابة العامة", "bh-ppo") in agencies(nlp_light, text)


def test_a_sister_state_is_not_the_articles_state(nlp_light):
    text = ("أحبطت شرطة دبي تهريب مواد مخدرة بالتعاون مع الشرطة في سلطنة عمان الشقيقة.\n"
            "وقالت النيابة العامة إنها تحقق مع المتهمين.")
    # the UAE's, and of the UAE's prosecutions Dubai's own (the article is on Dubai)
    assert ("النيابة العامة", "ae-dubai-ppo") in agencies(nlp_light, text)


def test_a_ministry_named_after_a_one_state_department_is_that_states(nlp_light):
    text = ("وزارة الداخلية تحبط تهريب مخدرات\n"
            "أحبطت الإدارة العامة لمكافحة المخدرات الاتحادية في وزارة الداخلية بالتعاون مع "
            "شرطة محافظة مسندم في سلطنة عمان تهريب كمية من المخدرات.")
    found = agencies(nlp_light, text)
    assert found.count(("وزارة الداخلية", "ae-moi")) == 2  # the headline's too: one body a name


def test_voted_state_prefers_places_and_agencies_over_hints_and_says_none_when_unsure(nlp_light):
    doc = analyse(nlp_light, "قالت النيابة العامة إن الغرامة بلغت ألف ريال.")
    assert voted_state(doc, {"SA", "QA", "OM"}) is None  # "ريال": three states, a tie
    assert voted_state(doc, {"SA", "KW"}) == "SA"


@pytest.mark.parametrize("model", ["nlp", "nlp_light"])
def test_a_shared_name_issuing_a_ranking_is_the_foreign_body_the_article_named(model, request):
    # the state named in the sentence is the one the ranking is about, not the issuer's
    text = ("التقت المسؤولة في مكتب مراقبة ومكافحة الاتجار بالأشخاص التابع لوزارة الخارجية "
            "الأمريكية وفدا من البحرين. وقالت إن البحرين حافظت على مكانها في التصنيف الذي "
            "تصدره وزارة الخارجية كل عام.")
    found = agencies(request.getfixturevalue(model), text)
    assert found[-1] == ("وزارة الخارجية", "us-dos")
    assert ("وزارة الخارجية", "bh-mofa") not in found


@pytest.mark.parametrize("text", [
    # no report word next to the name: its sentence's state decides as before
    "أصدرت وزارة الخارجية الأمريكية تقريرها. وردت الكويت بأن وزارة الخارجية تتابع الملف.",
    # a report word but no foreign body of that name in the article
    "قالت الكويت إن تقرير وزارة الخارجية لم ينصف جهودها.",
])
def test_a_shared_name_keeps_its_sentences_state_without_a_named_foreign_issuer(nlp_light, text):
    assert agencies(nlp_light, text)[-1] == ("وزارة الخارجية", "kw-mofa")


def test_the_kingdom_alone_hints_at_saudi_arabia(nlp_light):
    # a Bahraini article names Bahrain; "المملكة" with no state named is the Saudi press's
    text = ("استعرض وفد وزارة العدل تجربة المملكة في مكافحة الاتجار بالبشر خلال مؤتمر "
            "الإنتربول في دمشق.")
    assert ("وزارة العدل", "sa-moj") in agencies(nlp_light, text)
    bahraini = "أكدت وزارة العدل في مملكة البحرين أن المملكة ماضية في تطبيق القانون."
    assert ("وزارة العدل", "bh-moj") in agencies(nlp_light, bahraini)


def test_a_state_a_movement_comes_from_does_not_decide_a_shared_name(nlp_light):
    text = ("ضبط رجال الأمن في منطقة الجهراء شبكة لتهريب العمالة.\n"
            "وقالت وزارة الداخلية إن الشاحنة كانت قادمة من سلطنة عمان.")
    assert ("وزارة الداخلية", "kw-moi") in agencies(nlp_light, text)


def test_a_shared_department_beside_the_prosecution_gives_both_its_contexts_state(nlp_light):
    text = ("أعلنت هيئة حقوق الإنسان في الرياض أن النيابة العامة أحالت القضية إلى نيابة "
            "الاتجار بالأشخاص.")
    found = agencies(nlp_light, text)
    assert ("النيابة العامة", "sa-ppo") in found
    assert ("نيابة الاتجار بالأشخاص", "sa-ppo-tip") in found
