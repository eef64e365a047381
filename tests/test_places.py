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
