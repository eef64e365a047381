"""Agency bodies and forms of the fourteenth round (issue 9): Gulf bodies the gazetteer
lacked that several sets name (Kuwait's state domestic-labour company, Dubai's
prosecution team for trafficking cases, Bahrain's High Court of Appeal and ministries
prosecution, Kuwait's special forces, the Qatari shelter's full name, GAATW's "مناهضة"
form, the Arab migrants' rights network); sentences written for the tests."""
import pytest
from conftest import agency_pairs as agencies

from nlp.components.agencies import name_forms


@pytest.mark.parametrize("text,name,expected", [
    ("وتعاقدت شركة الدرة للعمالة المنزلية مع مكاتب في الفلبين.",
     "شركة الدرة للعمالة المنزلية", "kw-aldurra"),
    ("وأحيلت القضية إلى فريق التحقيق والتصرف في قضايا الاتجار بالبشر في دبي.",
     "فريق التحقيق والتصرف في قضايا الاتجار بالبشر", "ae-dubai-ppo-tip-team"),
    ("قضت المحكمة الكبرى الاستئنافية في المنامة بتأييد حكم حبس المتهمين.",
     "المحكمة الكبرى الاستئنافية", "bh-court-appeal"),
    ("وقال رئيس نيابة الوزارات والجهات العامة في البحرين إن التحقيق اكتمل.",
     "نيابة الوزارات والجهات العامة", "bh-ppo-ministries"),
    ("وشاركت الإدارة العامة لقوات الأمن الخاصة في حملة على مخالفي الإقامة في الكويت.",
     "الإدارة العامة لقوات الأمن الخاصة", "kw-moi-special-forces"),
    ("وزار الوفد نزيلات الدار القطرية للإيواء والرعاية الإنسانية في الدوحة.",
     "الدار القطرية للإيواء والرعاية الإنسانية", "qa-shelter"),
    ("وشارك في اللقاء التحالف العالمي لمناهضة الاتجار بالنساء ومنظمات أخرى.",
     "التحالف العالمي لمناهضة الاتجار بالنساء", "gaatw"),
    ("ودعت الشبكة العربية لحقوق المهاجرين إلى حماية العمال.",
     "الشبكة العربية لحقوق المهاجرين", "anmr"),
])
def test_gulf_bodies_the_sets_name_are_listed(any_nlp, text, name, expected):
    assert (name, expected) in agencies(any_nlp, text)


@pytest.mark.parametrize("text,name", [
    # a town no place list knows, written as two words after a kunya-like word
    ("وضبطت الدورية المتسللين وسلمتهم إلى مركز شرطة أبي عريش الذي أحالهم إلى الترحيل في جازان.",
     "مركز شرطة أبي عريش"),
    # the station's name ends with its place, not with the next clause's noun
    ("ونجح فريق من مركز شرطة صلالة القبض على المتهمات في عمان.", "مركز شرطة صلالة"),
])
def test_a_police_station_is_named_by_its_place(any_nlp, text, name):
    found = [pair[0] for pair in agencies(any_nlp, text)]
    assert name in found
    assert not [n for n in found if n.startswith(name + " ")]


def test_a_police_station_with_no_place_is_no_body(any_nlp):
    text = "ودعت الشرطة إلى الإبلاغ عبر أقرب مركز شرطة أو من خلال التطبيق في الكويت."
    assert not [pair for pair in agencies(any_nlp, text) if pair[0].startswith("مركز شرطة")]


@pytest.mark.parametrize("text,name", [
    # the trafficking remit's link and object are part of a section's name; a rank after
    # it opens the name of its head
    ("وأوضح رئيس قسم الاتجار في البشر الرائد خالد سالم أن البلاغات زادت في دبي.",
     "قسم الاتجار في البشر"),
    ("وأحالت وحدة الاتجار بالأشخاص البلاغ إلى النيابة العامة في الرياض.",
     "وحدة الاتجار بالأشخاص"),
])
def test_a_trafficking_section_keeps_its_remit(any_nlp, text, name):
    assert name in [pair[0] for pair in agencies(any_nlp, text)]


def test_dubai_polices_investigation_department_under_its_press_name(any_nlp):
    # the press form of the department's name, and "الإدارة" after it, are Dubai's
    text = ("وقال مدير الإدارة العامة للتحريات والبحث الجنائي في شرطة دبي إن الإدارة "
            "ضبطت عشر قضايا اتجار بالبشر.")
    found = agencies(any_nlp, text)
    assert ("الإدارة العامة للتحريات والبحث الجنائي", "ae-dubai-police-cid") in found
    assert not [pair for pair in found if pair[1].startswith("ae-new-")]


def test_sharjahs_plenary_prosecution_named_with_its_emirate(any_nlp):
    text = "وحققت النيابة الكلية بالشارقة في عشر قضايا اتجار بالبشر العام الماضي."
    assert ("النيابة الكلية بالشارقة", "ae-sharjah-ppo") in agencies(any_nlp, text)


def test_a_regions_office_named_with_fi_is_that_regions(any_nlp):
    text = ("وأعلنت المديرية العامة للجوازات في المنطقة الشرقية القبض على عمالة هاربة "
            "في السعودية.")
    assert ("المديرية العامة للجوازات في المنطقة الشرقية", "sa-jawazat-eastern") \
        in agencies(any_nlp, text)


def test_the_passport_patrols_of_a_region_are_the_patrols(any_nlp):
    text = "وألقت دوريات جوازات المنطقة الشرقية القبض على خادمتين في الدمام."
    assert ("دوريات جوازات المنطقة الشرقية", "sa-jawazat-patrols") in agencies(any_nlp, text)


def test_a_shelters_short_form_alone_is_its_states_shelter(any_nlp):
    text = ("ناقشت اللجنة في الكويت نتائج زيارتها إلى دار الإيواء لتحسين أوضاع العاملات "
            "المقيمات فيه.")
    assert ("دار الإيواء", "kw-pam-shelter") in agencies(any_nlp, text)


def test_a_shelters_one_word_short_form_after_a_preposition_is_no_body(any_nlp):
    text = "وقررت الإمارات إنشاء مراكز لإيواء ضحايا الاتجار بالبشر في عام 2008."
    assert not [pair for pair in agencies(any_nlp, text) if pair[0] == "إيواء"]


def test_the_protection_homes_short_form_is_omans_in_an_omani_article(any_nlp):
    text = ("وقالت وزارة التنمية الاجتماعية في سلطنة عمان إن دار الحماية لضحايا الاتجار "
            "بالبشر استقبلت عشر نساء.")
    assert ("دار الحماية", "om-mosd-shelter") in agencies(any_nlp, text)


@pytest.mark.parametrize("text,phrase", [
    ("وأوضح مدير إدارة العلاقات العامة بالجامعة في الرياض أن الندوة تناولت الاتجار بالبشر.",
     "إدارة العلاقات العامة"),
    ("وبما أنها تحمل شهادة دبلوم في إدارة الموارد البشرية تقدمت للوظيفة في الكويت.",
     "إدارة الموارد البشرية"),
])
def test_a_support_office_or_a_field_of_study_is_no_body(any_nlp, text, phrase):
    assert not [pair for pair in agencies(any_nlp, text) if pair[0].startswith(phrase)]


def test_the_saudi_passports_expatriates_department(any_nlp):
    text = ("وضبطت دوريات الجوازات في الرياض عمالة هاربة وأحيلوا إلى شعبة الوافدين "
            "لاستكمال إجراءات ترحيلهم.")
    assert ("شعبة الوافدين", "sa-jawazat-expat") in agencies(any_nlp, text)


def test_a_forum_held_in_its_region_is_no_body(any_nlp):
    """A gathering's name takes no "في منطقة" form: the session of the forum is the event told,
    while a regional office's name still does (the Saudi directorates)."""
    text = ("وتستضيف الدوحة أعمال الدورة الخامسة للمنتدى الحكومي لمكافحة الاتجار بالأشخاص في "
            "منطقة الشرق الأوسط بمشاركة وفود عربية.")
    assert not any(i == "me-gov-forum-tip-sg" for _, i in agencies(any_nlp, text))
    assert not any("في منطقة" in form for form in name_forms(
        ("المنتدى الحكومي لمكافحة الاتجار بالأشخاص بمنطقة الشرق الأوسط",)))
    assert "المديرية العامة للجوازات في منطقة الرياض" in \
        name_forms(("المديرية العامة للجوازات بمنطقة الرياض",))

