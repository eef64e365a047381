"""Agency states and forms of the thirteenth round (issue 9): a body placed in a state by
"في/ب + the state" right after its name, a place that says where another body is, a body
"represented by" one of its state, one state's several bodies of a name (Dubai's and Ras
Al Khaimah's prosecutions), a short form ending a longer name, a state's adjective and name
in their other spellings, and sister bodies that share the opening of their names."""
import pytest
from conftest import agency_pairs as agencies


def test_a_body_placed_in_a_state_is_that_states_and_so_is_its_ministry(any_nlp):
    text = ("وقّعت وزارة العمل، ممثلة باللجنة الوطنية لمكافحة الاتجار بالبشر في دولة قطر، "
            "اتفاقاً مع هيئة حقوق الإنسان بالمملكة العربية السعودية أمس.\n"
            "ووقّع عن وزارة العمل واللجنة الوطنية لمكافحة الاتجار بالبشر وزير العمل، وعن هيئة "
            "حقوق الإنسان بالمملكة العربية السعودية رئيستها.")
    found = agencies(any_nlp, text)
    assert found.count(("وزارة العمل", "qa-mol")) == 2  # "ممثلة ب" a Qatari body, then the same name
    assert found.count(("اللجنة الوطنية لمكافحة الاتجار بالبشر", "qa-nchtc")) == 2
    assert found.count(("هيئة حقوق الإنسان", "sa-hrc")) == 2
    assert not [pair for pair in found if pair[1].startswith("sa-") and "العمل" in pair[0]]


def test_a_place_after_another_body_does_not_decide_a_shared_name(any_nlp):
    # Saudi Arabia is where the commission is; the labour ministry takes Qatar's, which
    # the article names, not the one state named after it in its sentence
    text = ("شاركت دولة قطر في المنتدى الإقليمي في الدوحة عاصمة قطر.\n"
            "واجتمعت وزارة العمل مع وفد هيئة حقوق الإنسان بالمملكة العربية السعودية.")
    assert ("وزارة العمل", "qa-mol") in agencies(any_nlp, text)


def test_a_city_after_a_shared_name_places_it():
    from nlp.language import build_nlp
    text = "وأعلنت وزارة الصحة بالرياض والهيئة العامة للقوى العاملة في الكويت نتائج الفحص."
    found = agencies(build_nlp(use_tagger=False), text)
    assert ("وزارة الصحة", "sa-moh") in found


@pytest.mark.parametrize("text,expected", [
    # one state's several prosecutions: the one of the emirate the article is on
    ("أحالت شرطة دبي المتهمين الخمسة إلى النيابة العامة أمس.", "ae-dubai-ppo"),
    ("ضبطت شرطة الشارقة المتهمين وأحالتهم إلى النيابة العامة.", "ae-ppo"),
    ("قررت النيابة العامة حبس المتهم في قضية اتجار بالبشر في الإمارات.", "ae-ppo"),
])
def test_a_prosecution_of_the_emirate_the_article_is_on(any_nlp, text, expected):
    assert ("النيابة العامة", expected) in agencies(any_nlp, text)


def test_ras_al_khaimahs_prosecution_is_in_the_gazetteer(any_nlp):
    text = "وأحالت شرطة رأس الخيمة القضية إلى النيابة العامة في رأس الخيمة."
    assert ("النيابة العامة في رأس الخيمة", "ae-rak-ppo") in agencies(any_nlp, text)


def test_a_short_form_that_ends_a_longer_name_named_before_is_that_body(any_nlp):
    text = ("ضبطت الإدارة العامة لمباحث شؤون الإقامة عصابة تدير مكتباً وهمياً.\n"
            "وأوضحت أن «شؤون الإقامة» تلقت بلاغاً عن العصابة.")
    found = agencies(any_nlp, text)
    assert ("شؤون الإقامة", "kw-moi-residency-inv") in found
    assert ("شؤون الإقامة", "kw-moi-residency") not in found


def test_a_short_form_whose_own_body_was_named_stays_that_body(any_nlp):
    text = ("أعلنت الإدارة العامة لشؤون الإقامة تمديد المهلة.\n"
            "وأوضحت أن «شؤون الإقامة» ستستقبل الطلبات.")
    assert ("شؤون الإقامة", "kw-moi-residency") in agencies(any_nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a state's adjective in another spelling ("الفليبينية" for "الفلبينية")
    ("ولجأت العاملتان إلى السفارة الفليبينية في المنامة طلباً للمساعدة في البحرين.",
     ("السفارة الفليبينية", "ph-embassy-bh")),
    # a mission named with the state's other name ("بريطانيا" for "المملكة المتحدة")
    ("والتقى نائب المدير رئيس القسم السياسي بسفارة بريطانيا لدى الكويت أمس.",
     ("سفارة بريطانيا لدى الكويت", "gb-embassy-kw")),
])
def test_names_with_a_states_other_spellings(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


def test_sister_bodies_sharing_the_opening_of_their_names_stay_apart(any_nlp):
    text = ("تعتزم الهيئة العامة للقوى العاملة افتتاح مركز إيواء العمالة الوافدة للرجال.\n"
            "وأقامت الهيئة أمس فعالية في مركز إيواء العمالة الوافدة للنساء.")
    found = agencies(any_nlp, text)
    assert ("مركز إيواء العمالة الوافدة للرجال", "kw-pam-shelter-men") in found
    assert ("مركز إيواء العمالة الوافدة", "kw-pam-shelter") in found


def test_a_spokeswomans_title_ends_the_body_she_speaks_for(nlp):
    text = ("وقالت مديرة إدارة العلاقات العامة والإعلام الناطقة الرسمية باسم الهيئة العامة "
            "للقوى العاملة إن المركز سيفتتح قريباً.")
    names = [name for name, _ in agencies(nlp, text)]
    assert "إدارة العلاقات العامة والإعلام" in names
    assert not [n for n in names if "الناطقة" in n]


def test_a_similar_centre_is_a_description(nlp):
    text = ("وأبدى الوزير إعجابه بالفكرة وبإمكانية إنشاء مركز مماثل لإيواء العمالة في بلاده "
            "بالتعاون مع المنظمة الدولية للهجرة.")
    assert not [n for n, _ in agencies(nlp, text) if n.startswith("مركز")]


@pytest.mark.parametrize("text,expected", [
    # a governorate police directorate named without "محافظة"
    ("وقال مدير مديرية شرطة العاصمة إن الحملة في المنامة مستمرة.",
     ("مديرية شرطة العاصمة", "bh-police-capital")),
    # a quoted word inside a gazetteer name
    ("ويستقبل مركز «أمان» لإيواء النساء والأطفال الضحايا في رأس الخيمة.",
     ("مركز «أمان» لإيواء النساء والأطفال", "ae-aman-centre")),
])
def test_name_forms_without_a_governorate_word_or_with_a_quoted_word(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a mission named with a seat outside its hosts: no embassy in Kuwait
    ("وقالت سفارة الولايات المتحدة الأمريكية في مانيلا إن العاملات عدن إلى بلادهن.",
     ("سفارة الولايات المتحدة الأمريكية في مانيلا", None)),
    # the sending state's mission in the seat named, where the gazetteer has it
    ("وقالت سفارة الولايات المتحدة الأمريكية في الدوحة إن التعاون مستمر.",
     ("سفارة الولايات المتحدة الأمريكية", "us-embassy-qa")),
    # no seat named: the mission in the article's state
    ("وقالت سفارة الولايات المتحدة الأمريكية إن الكويت حققت تقدماً.",
     ("سفارة الولايات المتحدة الأمريكية", "us-embassy-kw")),
])
def test_a_mission_named_with_its_seat(any_nlp, text, expected):
    found = dict(agencies(any_nlp, text))
    name, body = expected
    assert name in found
    if body is None:
        assert found[name].startswith("us-new-")  # the sending state's, a body of its own
    else:
        assert found[name] == body


def test_a_two_word_ngo_name_going_on_with_its_remit_is_another_body(any_nlp):
    found = agencies(any_nlp, "ونظمت مؤسسة المستقبل للتنمية المجتمعية ورشة في عمّان.")
    assert ("مؤسسة المستقبل", "future-foundation") not in found
    assert ("مؤسسة المستقبل", "future-foundation") in agencies(
        any_nlp, "ونظمت مؤسسة المستقبل ورشة عن حماية الضحايا في عمّان.")


def test_a_consulate_named_later_makes_no_report_foreign(any_nlp):
    # a Kuwaiti ministry's own report; the Egyptian consulate is only named further on
    text = ("كشف تقرير أصدرته وزارة الخارجية أنها أحالت إلى النيابة العامة مئتي حالة تزوير.\n"
            "وأوضح التقرير أن بعض الأختام نسبت إلى القنصلية المصرية في الكويت.")
    assert ("وزارة الخارجية", "kw-mofa") in agencies(any_nlp, text)


def test_an_embassy_still_names_the_issuer_of_a_trafficking_ranking(any_nlp):
    text = ("وقالت السفارة الأمريكية في الكويت إن تقرير وزارة الخارجية السنوي حول الاتجار "
            "بالبشر أبقى الكويت في الفئة الثانية.")
    assert ("وزارة الخارجية", "us-dos") in agencies(any_nlp, text)


def test_a_body_placed_elsewhere_leaves_a_mention_its_own_sentence_places(any_nlp):
    text = ("ضبطت وزارة الداخلية 10 متهمين بالاتجار بالبشر في الكويت أمس.\n"
            "وتم ذلك بالتنسيق مع وزارة الداخلية بالمملكة العربية السعودية.")
    found = agencies(any_nlp, text)
    assert found.count(("وزارة الداخلية", "kw-moi")) == 1
    assert found.count(("وزارة الداخلية", "sa-moi")) == 1


def test_a_short_form_of_the_parent_is_the_parent_not_its_unit(any_nlp):
    text = "أعلن قطاع حماية القوى العاملة ضبط 20 عاملا.\nوأوضحت «القوى العاملة» أن الحملات مستمرة."
    assert ("القوى العاملة", "kw-pam-labour-protection") not in agencies(any_nlp, text)


def test_a_dative_after_a_two_word_ngo_name_keeps_it(any_nlp):
    assert ("جمعية المحامين", "kw-bar") in agencies(any_nlp, "ووجهت جمعية المحامين للحكومة انتقادات حادة.")


def test_a_consulate_and_trafficking_make_no_report_foreign(any_nlp):
    text = ("أصدرت وزارة الخارجية تقريرها السنوي بحضور القنصلية المصرية في الكويت، وتناول مكافحة "
            "الاتجار بالبشر.")
    assert ("وزارة الخارجية", "kw-mofa") in agencies(any_nlp, text)
