"""nlp/agency_titles.py: agency names inside a person's title — a portfolio after "ل" is no
body, and a state adjective closing a chain of titles gives the bodies in it their state."""

import pytest
from conftest import agency_pairs as agencies


def test_a_portfolio_after_a_title_is_no_body_and_leaves_the_ministry_its_state(any_nlp):
    text = ("نفذت مباحث الهجرة حملة في الجليب بإشراف وكيل وزارة الداخلية المساعد لشؤون "
            "الجنسية والجوازات، وأكدت الحملة متابعة المخالفين في الكويت.")
    found = agencies(any_nlp, text)
    assert ("وزارة الداخلية", "kw-moi") in found
    assert not any(name.startswith("شؤون") for name, _ in found)


def test_the_same_name_as_a_body_of_its_own_is_still_found(any_nlp):
    text = "أعلنت شؤون الجنسية والجوازات والإقامة في مملكة البحرين تمديد المهلة."
    assert ("شؤون الجنسية والجوازات والإقامة", "bh-npra") in agencies(any_nlp, text)


@pytest.mark.parametrize("adjective,expected", [("القطري", "qa-cabinet"),
                                                ("السعودي", "sa-cabinet")])
def test_a_shared_name_in_a_chain_of_titles_takes_the_chains_adjective(any_nlp, adjective,
                                                                       expected):
    text = (f"ترأس وفد الكويت الجلسة، وحضرها رئيس مجلس الوزراء وزير الداخلية {adjective} "
            "الذي افتتح المؤتمر.")
    found = agencies(any_nlp, text)
    assert ("مجلس الوزراء", expected) in found
    assert not any("الداخلية" in name for name, _ in found)  # a minister's title, no body


def test_without_a_title_after_it_the_name_keeps_its_sentences_state(any_nlp):
    text = "وافق مجلس الوزراء في الكويت على مشروع القانون، وقال الوزير القطري إنه يرحب."
    assert ("مجلس الوزراء", "kw-cabinet") in agencies(any_nlp, text)
