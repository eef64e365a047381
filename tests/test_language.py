"""The pipeline of `nlp.language`: its components in an order spaCy can check."""


def test_components_declare_what_they_assign_and_require(nlp_light):
    """spaCy's own check: every attribute a component requires is assigned before it."""
    analysis = nlp_light.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert analysis["attrs"]["doc._.events"]["assigns"] == ["event_detector"]


def test_saved_pipeline_loads_back_with_the_same_extraction(nlp_light, tmp_path):
    """`nlp.to_disk` then `spacy.load` (issue 12): the components' data files are saved
    with the pipeline and read back from it, and the bundled articles extract the same."""
    import json

    import spacy
    from conftest import SAMPLES

    from nlp.extract import extract_article

    saved = tmp_path / "pipeline"
    nlp_light.to_disk(saved)
    for component, data in [("agency_ruler", "agencies.jsonl"), ("place_ruler", "places.jsonl"),
                            ("person_ruler", "first_names.txt"), ("agency_tagger", "agency_crf.pkl"),
                            ("event_detector", "event_triggers.json"), ("tokenizer", "lexicon.json")]:
        assert (saved / component / data).is_file(), (component, data)
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp_light.pipe_names and loaded.tokenizer.tagger is None
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    assert [extract_article(loaded, t) for t in texts] == [extract_article(nlp_light, t) for t in texts]

    # the loaded pipeline reads its own copy of the gazetteer: an agency added there is found
    added = {"id": "kw-test-board", "en": "Test Board", "country": "KW", "kind": "ministry",
             "parent": None, "names": ["هيئة الرقابة على المختبرات"]}
    saved = tmp_path / "changed"  # another file: the gazetteer loaders cache by path
    nlp_light.to_disk(saved)
    with (saved / "agency_ruler" / "agencies.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("\n" + json.dumps(added, ensure_ascii=False) + "\n")
    text = "أعلنت هيئة الرقابة على المختبرات في الكويت نتائج التفتيش"
    keys = lambda pipeline: {e.get("canonical") for e in extract_article(pipeline, text)["entities"]}
    assert "kw-test-board" not in keys(nlp_light) and "kw-test-board" in keys(spacy.load(saved))
