"""sentence_splitter (nlp/components/sentences.py): where sentences end."""

from nlp.extract import analyse


def sentences(nlp, text):
    return [s.text.strip() for s in analyse(nlp, text).sents]


def test_a_full_stop_ends_a_sentence(nlp_light):
    assert sentences(nlp_light, "وصل الوفد أمس. وبدأت الزيارة اليوم.") \
        == ["وصل الوفد أمس.", "وبدأت الزيارة اليوم."]


def test_the_dot_of_a_decimal_number_does_not(nlp_light):
    assert len(sentences(nlp_light, "بلغت النسبة 1.1 في المئة من العمالة.")) == 1


def test_nor_the_dot_of_a_one_letter_abbreviation(nlp_light):
    assert len(sentences(nlp_light, "وقال د. محمد إن العمل مستمر.")) == 1
