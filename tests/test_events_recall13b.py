"""Events on the kinds of reporting read in heldout13 (issue 9, thirteenth round), each with
sentences of our own: an article that names its topic only by the bare word for migrants (an
International Migrants Day celebration, a community story) takes no guessed lead event, while
the same lead beside a word of trafficking or a shelter still does."""
import pytest
from conftest import PUBLISHED

from nlp.events import load_cues, weak_topic_only
from nlp.extract import analyse


class _ReadsAMeeting:
    """A classifier stub that reads every clause as a meeting, surely enough for the lead
    event and below the bar of an uncued clause of its own."""

    def probabilities_many(self, norms):
        return [{"meeting": 0.45, "none": 0.2} for _ in norms]


CELEBRATION = ("أقامت الجالية بالتعاون مع المنظمة الدولية للهجرة معرضا فنيا احتفاء باليوم الدولي "
               "للمهاجرين شارك فيه عشرات من أبناء الجاليات المقيمة.")
TOPICAL = ("أقامت الجالية بالتعاون مع المنظمة الدولية للهجرة معرضا فنيا احتفاء باليوم الدولي "
           "للمهاجرين شارك فيه عشرات من ضحايا الاتجار بالبشر المقيمين في مراكز الإيواء.")


def _types(nlp, text):
    detector = nlp.get_pipe("event_detector")
    served, detector.classifier = detector.classifier, _ReadsAMeeting()
    try:
        return [e["type"] for e in analyse(nlp, text, PUBLISHED)._.events]
    finally:
        detector.classifier = served


@pytest.mark.parametrize("text,weak", [
    (CELEBRATION, True),
    (TOPICAL, False),
    ("أبعدت الإدارة ثلاثين وافدة قدمن بتأشيرات عمل.", False),  # no topic word at all
])
def test_weak_topic_only_is_the_bare_migrants_word_alone(text, weak):
    assert weak_topic_only(load_cues(), text) is weak


def test_a_migrants_day_celebration_takes_no_lead_event(any_nlp):
    assert _types(any_nlp, CELEBRATION) == []


def test_the_same_lead_beside_a_word_of_the_topic_takes_its_lead_event(any_nlp):
    assert _types(any_nlp, TOPICAL) == ["meeting"]
