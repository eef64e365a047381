import json

import pytest

from core.errors import DataFileError
from nlp.gazetteer import load_agencies, load_places, load_word_list, place_states


def test_the_shipped_gazetteers_load():
    agencies = load_agencies()
    assert len(agencies) >= 300
    ids = {a.id for a in agencies}
    assert {"kw-moi", "kw-mofa", "kw-ppo", "kw-ncctp", "unodc", "iom", "gcc", "gcc-sg"} <= ids
    assert all(a.parent in ids for a in agencies if a.parent)
    assert {p.country for p in load_places() if p.kind == "country"} >= {"KW", "SA", "AE", "QA", "BH", "OM"}


@pytest.mark.parametrize("row,message", [
    ({"id": "x", "en": "X", "kind": "ministry"}, "missing key(s) names"),
    ({"id": "x", "en": "X", "kind": "palace", "names": ["قصر"]}, "unknown kind 'palace'"),
    ({"id": "x", "en": "X", "kind": "ministry", "names": []}, "non-empty list"),
    ({"id": "x", "en": "X", "kind": "ministry", "names": ["وزارة"], "country": "XX"}, "unknown country"),
    ({"id": "x", "en": "X", "kind": "ministry", "names": ["وزارة"], "parent": "y"}, "parent 'y'"),
])
def test_a_bad_line_names_the_file_and_line(tmp_path, row, message):
    path = tmp_path / "agencies.jsonl"
    good = {"id": "kw-a", "en": "A", "kind": "ministry", "names": ["وزارة أ"]}
    path.write_text(json.dumps(good) + "\n" + json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_agencies(path)
    assert f"{path}:2" in str(info.value) and message in str(info.value)


def test_a_new_agency_needs_no_code_change(tmp_path, monkeypatch):
    from nlp import gazetteer
    from nlp.extract import extract_article
    from nlp.language import build_nlp

    rows = [json.loads(line) for line in (gazetteer.GAZETTEER_DIR / "agencies.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.append({"id": "kw-test-unit", "en": "Test Unit (Kuwait)", "country": "KW",
                 "kind": "department", "parent": "kw-moi", "names": ["وحدة الرصد التجريبية"],
                 "acronyms": [], "short": []})
    for source in gazetteer.GAZETTEER_DIR.iterdir():
        if source.is_file():
            (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "agencies.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setattr(gazetteer, "GAZETTEER_DIR", tmp_path)
    gazetteer.load_agencies.cache_clear()
    try:
        nlp = build_nlp(use_tagger=False)
        result = extract_article(nlp, "أعلنت وحدة الرصد التجريبية ضبط شبكة.")
    finally:
        gazetteer.load_agencies.cache_clear()
    assert {"text": "وحدة الرصد التجريبية", "canonical": "kw-test-unit"}.items() <= \
        next(e for e in result["entities"] if e["label"] == "AGENCY").items()


def test_word_lists_are_normalised():
    assert "احمد" in load_word_list("first_names")


def test_place_states_give_each_name_its_state():
    every, countries = place_states(), place_states("country")
    assert every["الرياض"] == "SA" and every["دبي"] == "AE" and every["الكويت"] == "KW"
    assert "الرياض" not in countries and countries["قطر"] == "QA"
    assert set(countries) <= set(every)
