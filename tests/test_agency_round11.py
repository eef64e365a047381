"""Agency kinds of the eleventh round (issue 9): sending states' labour bodies that Gulf
reporting names, a Gulf-shared name with another state's adjective, and descriptions that
read like names (a private recruiter, "في دائرة ...", "أول لجنة ...", "إنشاء وإدارة ...")."""
import pytest
from conftest import agency_pairs as agencies

from nlp.extract import analyse


@pytest.mark.parametrize("text,expected", [
    # the Philippine labour department and its overseas workers' welfare body, both spellings
    ("وقالت وزارة العمل الفلبينية إنها تدرس وقف إرسال العمالة المنزلية.",
     ("وزارة العمل الفلبينية", "ph-dole")),
    ("وأكد أن وزارة العمل والتوظيف الفيلبينية تتابع القضية.",
     ("وزارة العمل والتوظيف الفيلبينية", "ph-dole")),
    ("وزار مدير منظمة العمالة الفيلبينية في الخارج العاملة في المستشفى.",
     ("منظمة العمالة الفيلبينية في الخارج", "ph-owwa")),
    ("وطالب مكتب سريلانكا للتوظيف الأجنبي بحماية العاملات في الخليج.",
     ("مكتب سريلانكا للتوظيف الأجنبي", "lk-slbfe")),
    # Dubai Police's trafficking centre without "جرائم" (and with "في البشر")
    ("وقال مدير مركز مراقبة الاتجار في البشر بشرطة دبي إن البلاغات تراجعت.",
     ("مركز مراقبة الاتجار في البشر", "ae-dubai-police-tip-centre")),
    # the residency departments of the governorates, as the plural names them
    ("وراجع المقيمون إدارات شؤون الإقامة في المحافظات الست.",
     ("إدارات شؤون الإقامة", "kw-moi-residency")),
])
def test_bodies_added_to_the_gazetteer(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


def test_a_variant_spelling_of_the_philippines_is_its_place(any_nlp):
    doc = analyse(any_nlp, "وعادت العاملة إلى الفيلبين أمس.")
    assert [(p.text, p._.canonical) for p in doc.spans["places"]] == [("الفيلبين", "PH")]


@pytest.mark.parametrize("text,name,expected", [
    # a state outside the Gulf the gazetteer lists no such body for: a new body of that state
    ("وأعلنت وزارة العمل الإثيوبية وقف سفر العاملات إلى الكويت.",
     "وزارة العمل الإثيوبية", "et-new-"),
    # its body listed under another adjective's spelling
    ("وقالت وزارة الخارجية الفيلبينية إن السفارة تتابع القضية في الكويت.",
     "وزارة الخارجية الفيلبينية", "ph-dfa"),
])
def test_a_gulf_shared_name_with_another_states_adjective_is_that_states(any_nlp, text, name,
                                                                       expected):
    found = dict(agencies(any_nlp, text))
    assert name in found and found[name].startswith(expected)


def test_an_indefinite_adjective_after_a_shared_name_qualifies_a_person(any_nlp):
    """"مغربية" after a court's name is the defendant's nationality, not the court's state."""
    found = agencies(any_nlp, "وأدانت محكمة الجنايات مغربية بتهمة الاتجار بالبشر في الكويت.")
    assert not [n for n, i in found if i.startswith("ma-")]


@pytest.mark.parametrize("text,pair,found", [
    ("المصدر: صحيفة الوطن العمانية\nوقالت الشرطة إن", ("العمانية", "om-ona"), False),  # an adjective
    ("مسقط في 5 يناير العمانية\nقالت الشرطة إن", ("العمانية", "om-ona"), True),  # a dateline's end
    ("الرياض واس\nأعلنت النيابة العامة", ("واس", "sa-spa"), True),  # after its city
])
def test_a_news_agency_adjective_after_a_definite_word_is_no_dateline(any_nlp, text, pair, found):
    assert (pair in agencies(any_nlp, text)) is found


def test_a_model_name_stops_before_represented_by(any_nlp):
    from nlp.components.agency_model import _trim
    doc = analyse(any_nlp, "ونظمت أكاديمية الشرطة ممثلة في معهد الضباط ورشة تدريبية.")
    first = next(t.i for t in doc if t.text == "أكاديمية")
    last = next(t.i for t in doc if t.text == "ممثلة")
    assert _trim(doc[first:last + 1]).text == "أكاديمية الشرطة"


@pytest.mark.parametrize("text,word", [
    # a private recruiter, described by what it did
    ("وقال إن وكالة التوظيف الإندونيسية التي أرسلتها قد تُساءل.", "وكالة"),
    # "في دائرة": the figurative circle of a charge or a state
    ("ودخل نحو ألف مقيم في دائرة مخالفة القانون هذا الشهر.", "دائرة"),
    # one of a kind counted: the first such committee the state held
    ("واتخذت الدولة خطوات منها عقد أول لجنة لمكافحة الاتجار بالبشر العام الماضي.", "لجنة"),
    # a head that is also a verbal noun, joined to another: to set up and run shelters
    ("ووقعت الجمعية مذكرة بهدف إنشاء وإدارة مراكز إيواء للعمالة الوافدة.", "إدارة"),
])
def test_descriptions_that_read_like_names_are_no_bodies(any_nlp, text, word):
    assert not [n for n, _ in agencies(any_nlp, text) if word in n]
