"""Agency kinds of the ninth round (issue 9): short forms a writer quotes or lists beside a
body named in full, a given name's family name that is also a place, descriptions and
economic sectors the model proposes, and gazetteer bodies added with their siblings."""
import pytest
from conftest import agency_pairs as agencies
from test_agency_model import labelled

from nlp.extract import analyse


@pytest.mark.parametrize("text,expected", [
    # a short form quoted alone is a name: its context's body, no full name needed
    ("وقال مصدر في «القوى العاملة» إن العقوبات مشددة.", ("القوى العاملة", "kw-pam")),
    ('ويعمل الموظفان في "شؤون الإقامة" منذ سنوات.', ("شؤون الإقامة", "kw-moi-residency")),
    ("وأعلنت «الجرائم الإلكترونية» إيقاف حسابات.", ("الجرائم الإلكترونية", "kw-moi-cybercrime")),
])
def test_a_short_form_quoted_alone_is_its_contexts_body(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


@pytest.mark.parametrize("text", [
    "وتحدث عن القوى العاملة في البلاد وحاجتها.",  # not quoted: words of the sentence
    "وقال «إن القوى العاملة كثيرة» في تصريحه.",  # quoted, but not alone
])
def test_an_unquoted_or_embedded_short_form_is_no_body(any_nlp, text):
    assert not [a for a in agencies(any_nlp, text) if a[1] == "kw-pam"]


def test_a_short_form_conjoined_to_a_body_named_in_full_is_its_states(any_nlp):
    text = "وفي المنامة تحال القضايا إلى النيابة العامة، والداخلية للتحقيق."
    assert ("الداخلية", "bh-moi") in agencies(any_nlp, text)


@pytest.mark.parametrize("text", [
    "وقال إن وزارة الصحة والشؤون الداخلية تعملان معا.",  # an adjective, not a short form
    "ونسقت الصحة والداخلية في الكويت.",  # a list of short names only
])
def test_no_conjoined_short_form_without_a_full_name_before_it(any_nlp, text):
    assert not [a for a in agencies(any_nlp, text) if a[0] == "الداخلية"]


def test_a_given_names_family_name_that_is_a_place_gives_no_state(any_nlp):
    text = ("صرح الدكتور علي الشويخ رئيس النيابة بأن مملكة البحرين أنشأت نيابة "
            "الاتجار بالأشخاص.")
    found = dict(agencies(any_nlp, text))
    assert found.get("النيابة") == "bh-ppo"


def test_family_name_needs_a_given_name_before_the_place(any_nlp):
    from nlp.agency_context import family_name
    doc = analyse(any_nlp, "زار الدكتور علي الشويخ أمس. وفي الشويخ ضبطت الشرطة عمالا.")
    places = [p for p in doc.spans["places"] if p.text == "الشويخ"]
    assert [family_name(doc, p) for p in places] == [True, False]


@pytest.mark.parametrize("text,name", [
    ("وأنشأت البحرين نيابة متخصصة للتحقيق في القضايا.", "نيابة متخصصة للتحقيق"),
    ("باشرت الهيئة القضائية بمحكمة الجنايات النظر في القضية.", "الهيئة القضائية"),
    ("ويأتي العمال للعمل في قطاع الصرف الصحي في الكويت.", "قطاع الصرف الصحي"),
])
def test_descriptions_a_courts_bench_and_economic_sectors_are_not_bodies(nlp_light, text, name):
    assert labelled(nlp_light, text, name) is None


@pytest.mark.parametrize("text,expected", [
    ("ومدير إدارة حماية الآداب العامة ومكافحة الاتجار بالبشر العقيد فلان.",
     ("إدارة حماية الآداب العامة ومكافحة الاتجار بالبشر", "kw-moi-tip")),
    ("بالتعاون مع الإدارة العامة للهوية وشؤون الأجانب في دبي، أطلقت الحملة.",
     ("الإدارة العامة للهوية وشؤون الأجانب في دبي", "ae-gdrfa-dubai")),
    ("وشاركت دائرة الشؤون الإسلامية والعمل الخيري في دبي بالحملة.",
     ("دائرة الشؤون الإسلامية والعمل الخيري في دبي", "ae-iacad")),
    ("وفي الدوحة حضر الأمين العام للهلال الأحمر الحفل.", ("لهلال الأحمر", "qa-qrcs")),
    ("وفي المنامة وزعت جمعية الهلال الأحمر المساعدات.", ("جمعية الهلال الأحمر", "bh-brcs")),
    ("وكشف تحقيق لشبكة بي بي سي عن سوق للعمالة.", ("شبكة بي بي سي", "gb-bbc")),
    ("ورئيس قطاع شؤون التعليم والتدريب العميد فلان.", ("قطاع شؤون التعليم والتدريب",
                                                      "kw-moi-education-training-sector")),
    ("تقرير المقررة الخاصة للأمم المتحدة المعنية بمكافحة الاتجار بالأشخاص عن زيارتها.",
     ("المقررة الخاصة للأمم المتحدة المعنية بمكافحة الاتجار بالأشخاص", "un-sr-tip")),
    ("وفي مكة كشف قائد دوريات الجوازات عن ضبط مخالفين.", ("دوريات الجوازات", "sa-jawazat-patrols")),
    ("نظمت دار الرعاية الاجتماعية بالمنطقة الشرقية حفلا.", ("دار الرعاية الاجتماعية",
                                                          "sa-mhrsd-social-care")),
    (("نائب مدير إدارة التحقيق الاتحادي في الإدارة العامة للشرطة الجنائية الاتحادية في وزارة "
      "الداخلية الإماراتية."), ("إدارة التحقيق الاتحادي", "ae-moi-fcp-investigation")),
])
def test_bodies_added_this_round_with_their_name_forms(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


def test_an_indefinite_description_is_a_known_body_of_its_own_state_only(nlp_light):
    own = labelled(nlp_light, "وأنشأت الإمارات لجنة وطنية لمكافحة الاتجار بالبشر.",
                   "لجنة وطنية لمكافحة الاتجار بالبشر")
    assert own is not None and own._.canonical == "ae-ncchtc"
    foreign = labelled(nlp_light, "ودعت الكويت إلى إنشاء مؤسسة وطنية لحقوق الإنسان.",
                       "مؤسسة وطنية لحقوق الإنسان")
    assert foreign is None


@pytest.mark.parametrize("text,expected", [
    ("أعدت لجنة الشؤون الإسلامية والقضائية وحقوق الإنسان في مجلس الشورى مشروع النظام.",
     [("لجنة الشؤون الإسلامية والقضائية وحقوق الإنسان", "sa-shura-islamic-hr"),
      ("مجلس الشورى", "sa-shura")]),
    ("وناقشت لجنة الداخلية والدفاع في مجلس الأمة الاقتراح.",
     [("لجنة الداخلية والدفاع", "kw-nassembly-interior"), ("مجلس الأمة", "kw-nassembly")]),
])
def test_a_parliament_committee_and_its_council_are_two_mentions(any_nlp, text, expected):
    assert agencies(any_nlp, text) == expected


def test_a_short_form_whose_parent_is_named_later_in_its_sentence(any_nlp):
    text = "ألقت البيان في إطار الدورة الثمانين للجمعية العامة المنعقدة بمقر الأمم المتحدة."
    assert [c for _, c in agencies(any_nlp, text)] == ["unga", "un"]
    assert [c for _, c in agencies(any_nlp, "وانعقدت الجمعية العامة للشركة أمس.")] == []


def test_a_quoted_short_form_outside_its_state_is_no_body(nlp_light):
    """«القوى العاملة» is Kuwait's authority only where the article is Kuwait's; quotes alone
    do not give it a state (an Egyptian article, a report's title)."""
    text = "قال مصدر في «القوى العاملة» إن مصر ستراجع العقود، بحسب وزارة العمل المصرية في القاهرة."
    doc = analyse(nlp_light, text)
    assert "kw-pam" not in [s._.canonical for s in doc.spans["agencies"]]
