"""Tests for nlp/laws.py (tenth round): instrument names that real reporting writes without a
number, read whole, in sentences written for these tests: a verbal noun keeps the preposition
it governs ("الحماية من ..."), and the UN trafficking protocol under its official Arabic title
("بروتوكول منع الاتجار بالأشخاص، وبخاصة النساء والأطفال، وقمعه والمعاقبة عليه")."""

from __future__ import annotations

import pytest

from nlp.laws import find_laws, law_key


@pytest.mark.parametrize("text,mention_text", [
    ("وقال النائب إن قانون الحماية من العنف الأسري ما زال في اللجنة",
     "قانون الحماية من العنف الأسري"),
    ("وأقرت اللجنة مشروع قانون الحماية من التحرش في أماكن العمل",
     "قانون الحماية من التحرش"),
])
def test_protection_keeps_what_it_protects_from(text, mention_text):
    [mention] = find_laws(text)
    assert mention.text == mention_text


@pytest.mark.parametrize("text,mention_text", [
    ("وشددت الوزارة على بروتوكول منع الاتجار بالأشخاص وقمعه والمعاقبة عليه في كلمتها",
     "بروتوكول منع الاتجار بالأشخاص وقمعه والمعاقبة عليه"),
    (("انضمت الدولة إلى بروتوكول منع الاتجار بالأشخاص، وبخاصة النساء والأطفال، وقمعه "
      "والمعاقبة عليه منذ سنوات"),
     "بروتوكول منع الاتجار بالأشخاص، وبخاصة النساء والأطفال، وقمعه والمعاقبة عليه"),
])
def test_the_trafficking_protocol_under_its_official_title(text, mention_text):
    [mention] = find_laws(text)
    assert mention.text == mention_text and law_key(mention) == "protocol:palermo"
