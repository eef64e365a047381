"""mention_resolver (nlp/components/resolve.py): which overlapping spans become the doc's mentions."""

import pytest

from nlp.components.grammar import law_text
from nlp.extract import analyse


def mentions(nlp, text):
    doc = analyse(nlp, text)
    return [(s.label_, law_text(s)[1] if s.label_ == "LAW" else s.text) for s in doc.spans["mentions"]]


def test_a_law_inside_its_regulations_is_kept(any_nlp):
    found = mentions(any_nlp, "وأصدر الوزير اللائحة التنفيذية لقانون إقامة الأجانب أمس.")
    assert ("LAW", "اللائحة التنفيذية لقانون إقامة الأجانب") in found
    assert ("LAW", "قانون إقامة الأجانب") in found


def test_a_date_inside_a_law_is_kept(nlp_light):
    found = mentions(nlp_light, "صدر القانون رقم 91 لسنة 2013 بشأن مكافحة الاتجار بالأشخاص.")
    assert [label for label, _ in found].count("LAW") == 1 and ("DATE", "لسنة 2013") in found


@pytest.mark.parametrize("text,kept,dropped", [
    # the longer span wins an overlap between labels: an institute named for a person
    ("زار الوفد معهد سعود الناصر الصباح الدبلوماسي أمس.", "AGENCY", "PERSON"),
])
def test_the_longer_span_wins_between_labels(nlp_light, text, kept, dropped):
    labels = [label for label, _ in mentions(nlp_light, text)]
    assert kept in labels and dropped not in labels
