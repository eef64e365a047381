import pytest

from nlp.extract import analyse


@pytest.mark.parametrize("text,expected", [
    ("زار الوفد دولة الكويت", [("دولة الكويت", "KW")]),
    ("في المملكة العربية السعودية والإمارات", [("المملكة العربية السعودية", "SA"), ("الإمارات", "AE")]),
    ("عقد في العاصمة النمساوية فيينا", None),
    ("وصل إلى الدوحة", [("الدوحة", "QA")]),
])
def test_places(nlp_light, text, expected):
    doc = analyse(nlp_light, text)
    found = [(s.text, s._.country) for s in doc.spans["mentions"] if s.label_ == "LOCATION"]
    if expected is None:
        assert found and found[0][0].endswith("فيينا")
    else:
        assert found == expected


@pytest.mark.parametrize("text,country", [
    ("أعلنت قطر اليوم. ورحبت قطر بالقرار", "QA"),
    ("مكافحة الاتجار بالأشخاص", "KW"),
])
def test_main_country_of_the_doc(nlp_light, text, country):
    assert analyse(nlp_light, text)._.country == country


def locations(nlp, text):
    doc = analyse(nlp, text)
    return [s.text for s in doc.spans["mentions"] if s.label_ == "LOCATION"]


@pytest.mark.parametrize("text,expected", [
    # a governorate named without its head word when the rest is its own name
    ("ارتفع عدد العمال في محافظة ظفار ومحافظة شمال الباطنة وجنوب الباطنة.",
     ["ظفار", "شمال الباطنة", "جنوب الباطنة"]),
    # ... and with it when the rest is another place (the chief town)
    ("عقد الاجتماع في محافظة مسقط ومنطقة جازان وإمارة دبي.",
     ["محافظة مسقط", "منطقة جازان", "إمارة دبي"]),
    # Kuwait's areas, Gulf towns, a governorate read as its town
    ("ضبط متسول في منطقة الروضة وآخر في العديلية وثالث في سلاطة ورابع في محافظة السليل.",
     ["الروضة", "العديلية", "سلاطة", "السليل"]),
    ("غرق قارب بين جزيرة ميون وساحل ذباب جنوب البحر الأحمر.",
     ["جزيرة ميون", "ساحل ذباب", "البحر الأحمر"]),
    ("وصل عمال من أنغولا وهايتي وغينيا الاستوائية وتوغو وكوبا.",
     ["أنغولا", "هايتي", "غينيا الاستوائية", "توغو", "كوبا"]),
])
def test_gulf_divisions_towns_and_countries(nlp_light, text, expected):
    assert locations(nlp_light, text) == expected


@pytest.mark.parametrize("text", [
    # accusative nisba adjectives
    "ضبطت الشرطة مواطناً أفريقياً ومهاجراً إثيوبياً قرب الساحل.",
    # a country's adjective after a definite noun
    "أحبط حرس الحدود تهريب شحنة عبر الأراضي السعودية.",
    # a city in the name of a document
    "أقرت الدول وثيقة أبوظبي لمكافحة الاتجار بالأشخاص، كما رحبت بإعلان الدوحة.",
])
def test_names_that_are_not_places_here(nlp_light, text):
    assert locations(nlp_light, text) == []


def test_the_country_named_alone_is_a_place(nlp_light):
    assert locations(nlp_light, "وصل الوفد إلى السعودية أمس.") == ["السعودية"]
