"""nlp/components/agency_model.py: how a name the CRF found is labelled — a gazetteer
body (its written variants included), a new body with a short stable id of its state, or
nothing when it is a description rather than a body's name."""

import pytest

from nlp.components.agency_model import AgencyTagger, new_agency_id
from nlp.extract import analyse


def labelled(nlp, text, name):
    doc = analyse(nlp, text)
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    return AgencyTagger(nlp, use_model=False)._labelled(doc, span)


def test_a_variant_of_a_known_name_gets_the_gazetteer_id(nlp_light):
    span = labelled(nlp_light, "وفي المنامة أكدت اللجنة الوطنية للاتجار بالأشخاص التزامها.",
                    "اللجنة الوطنية للاتجار بالأشخاص")
    assert (span._.canonical, span._.country, span._.kind) == ("bh-nccth", "BH", "committee")


def test_an_unknown_body_gets_a_stable_short_id_of_the_state_its_adjective_names(nlp_light):
    name = "اللجنة العمانية لتبادل الخبرات التشريعية"
    first = labelled(nlp_light, f"وفي الكويت شاركت {name} في الورشة.", name)
    again = labelled(nlp_light, f"وقالت {name} إن العمل مستمر.", name)
    assert first._.canonical == again._.canonical == new_agency_id(name, "OM")
    assert first._.canonical.startswith("om-new-") and len(first._.canonical) <= 32
    assert first._.country == "OM" and first.text == name  # the Arabic name is kept


@pytest.mark.parametrize("text,name", [
    ("أوقفت الشرطة إدارة ألعاب قمار إلكتروني في الكويت.", "إدارة ألعاب قمار إلكتروني"),
    ("افتتح في الكويت مركز لضحايا الاتجار بالبشر.", "مركز لضحايا الاتجار"),
    ("وفي الكويت قالت المفوضية العليا إن", "المفوضية العليا"),
    ("وضبطت المباحث في الكويت مكتب وهمي للعمالة المنزلية يديره وافد.",
     "مكتب وهمي للعمالة المنزلية"),  # a fake office; "وهمي" is split as "و" + "همي"
    ("وأوصت الندوة في الكويت بإنشاء نيابة متخصصة بقضايا العمالة المنزلية.",
     "نيابة متخصصة بقضايا العمالة المنزلية"),  # a kind of body proposed, not its name
])
def test_descriptions_and_names_cut_to_their_qualifiers_are_not_bodies(nlp_light, text, name):
    assert labelled(nlp_light, text, name) is None


def test_new_ids_meet_across_hamza_seats(nlp_light):
    assert new_agency_id("إدارة شؤون العمالة الموسمية", "KW") == \
        new_agency_id("ادارة شئون العمالة الموسمية", "KW")


def test_a_known_name_run_on_into_a_conjunct_is_cut_back_to_it(nlp_light):
    name = "وزارة التجارة والصناعة والجهات"
    span = labelled(nlp_light, f"في الكويت نسقت {name} المعنية.", name)
    assert (span.text, span._.canonical) == ("وزارة التجارة والصناعة", "kw-moci")


@pytest.mark.parametrize("text,name", [
    ("دعا المفتش العام للشرطة والجمارك في مسقط إلى", "لشرطة والجمارك"),  # two bodies
    ("بالتعاون مع القطاع الخاص لبناء منظمة فعالة في الكويت", "القطاع الخاص لبناء منظمة فعالة"),
])
def test_coordinations_and_listed_non_bodies_are_not_bodies(nlp_light, text, name):
    assert labelled(nlp_light, text, name) is None


@pytest.mark.parametrize("model", ["nlp", "nlp_light"])
def test_a_known_name_run_on_into_an_indefinite_conjunct_is_cut_back_to_it(model, request):
    nlp = request.getfixturevalue(model)
    name = "اللجنة الدائمة لمكافحة جرائم الاتجار وآليات"
    span = labelled(nlp, f"تناولت الورشة في الرياض دور {name} التعرف على الضحايا.", name)
    assert (span.text, span._.canonical) == ("اللجنة الدائمة لمكافحة جرائم الاتجار", "sa-ncctip")


def test_an_unknown_name_followed_by_a_conjunct_keeps_it(nlp_light):
    name = "لجنة الإعلام الجمركي وتطوير"  # no known body when cut either: left as found
    span = labelled(nlp_light, f"وفي الكويت شاركت {name} في الورشة.", name)
    assert span.text == name and span._.canonical.startswith("kw-new-")


@pytest.mark.parametrize("model", ["nlp", "nlp_light"])
def test_a_name_stops_at_a_comma_or_a_weekday(model, request):
    from nlp.components.agency_model import _trim

    doc = analyse(request.getfixturevalue(model),
                  "استقبل الوزير بمكتبه بالديوان العام للوزارة، الثلاثاء، السفير.")
    start = doc.text.index("الديوان")
    end = doc.text.index("السفير")
    span = _trim(doc.char_span(start, end - 1, alignment_mode="expand"))
    assert span.text == "الديوان العام للوزارة"


def test_a_government_body_described_is_no_named_body(nlp_light):
    text = "وفي أبوظبي أنشأت الدولة هيئة حكومية لمكافحة الاتجار بالبشر قبل سنوات."
    assert labelled(nlp_light, text, "هيئة حكومية لمكافحة الاتجار بالبشر") is None


def test_a_head_and_a_bare_place_noun_refer_back_to_the_body_named_before(nlp_light):
    text = ("أعلنت شرطة منطقة الرياض القبض على متهم، ثم قال متحدث شرطة المنطقة إن "
            "التحقيق مستمر.")
    span = labelled(nlp_light, text, "شرطة المنطقة")
    assert span._.canonical == "sa-police-riyadh"
    assert labelled(nlp_light, "وفي الكويت قالت شرطة المنطقة إن التحقيق مستمر.",
                    "شرطة المنطقة") is None  # nothing named before: no body of its own


def _trimmed(nlp, text, start_word, end_word):
    from nlp.components.agency_model import _trim

    doc = analyse(nlp, text)
    start, end = doc.text.index(start_word), doc.text.index(end_word) + len(end_word)
    span = _trim(doc.char_span(start, end, alignment_mode="expand"))
    return span.text if span is not None else None


@pytest.mark.parametrize("model", ["nlp", "nlp_light"])
def test_a_name_stops_where_a_clause_opens_with_tam_or_now(model, request):
    nlp = request.getfixturevalue(model)
    assert _trimmed(nlp, "وقال إن البلاغ وصل إلى الإدارة العامة تم على إثره ضبط المتهمين.",
                    "الإدارة", "إثره") == "الإدارة العامة"
    assert _trimmed(nlp, "وأوضح أن مكتب العمل الإقليمي الآن يتابع الشكاوى.",
                    "مكتب", "يتابع") == "مكتب العمل الإقليمي"


def test_a_name_does_not_end_on_a_fused_conjunction_and_verb(nlp_light):
    """The light splitter leaves "و" on a word it does not know ("ونسعى"): a name the
    model runs on into it ends before it; a definite conjunct stays ("والجوازات")."""
    text = "«نحن على تواصل مع اللجنة الوطنية ونسعى معها إلى خطة مشتركة»."
    assert _trimmed(nlp_light, text, "اللجنة", "ونسعى") == "اللجنة الوطنية"
    text = "وأعلن قطاع شؤون الجنسية والجوازات عن خدمة جديدة."
    assert _trimmed(nlp_light, text, "قطاع", "والجوازات") == "قطاع شؤون الجنسية والجوازات"


@pytest.mark.parametrize("model", ["nlp", "nlp_light"])
@pytest.mark.parametrize("text,name", [
    ("وقررت الحكومة في الكويت تشكيل لجنة وطنية لمنع الاتجار بالأشخاص وتهريب المهاجرين.",
     "لجنة وطنية لمنع الاتجار بالأشخاص وتهريب المهاجرين"),
    ("وأعلنت في البحرين لجنة وطنية لمكافحة تهريب المهاجرين خطة عملها للعام المقبل.",
     "لجنة وطنية لمكافحة تهريب المهاجرين"),
])
def test_the_crf_finds_a_national_committee_the_gazetteer_does_not_list(model, request, text, name):
    """Committees the gazetteer lacks are the CRF's to find, in both modes: a fresh train
    lost them once the gazetteer listed the committees of its training sentences (README,
    "make train"; tests/test_training_data.py keeps such names in the data)."""
    doc = analyse(request.getfixturevalue(model), text)
    assert name in [span.text for span in doc.spans["agencies_model"]]


def test_the_crf_features_read_the_frozen_listing_not_the_live_gazetteer(nlp_light, tmp_path):
    """The CRF's "gaz" feature comes from its frozen listing (`LISTING`): a body the live
    gazetteer lists but the listing lacks is "O" to the CRF, so listing more bodies in
    `data/gazetteers/agencies.jsonl` leaves the CRF's inputs as they were."""
    from nlp.components.agency_model import LISTING, doc_features, listing_ruler, listing_tags

    doc = analyse(nlp_light, "وقالت وزارة الداخلية إن الحملة مستمرة.")
    live = [s.text for s in doc.spans["agencies"]]
    assert live == ["وزارة الداخلية"] and LISTING.is_file()
    assert listing_tags(listing_ruler(nlp_light), doc)[1:4] == ["B", "I", "O"]
    lacking = tmp_path / "agencies.jsonl"  # the listing with the interior ministries renamed
    lacking.write_text(LISTING.read_text(encoding="utf-8").replace("وزارة الداخلية", "وزارة شؤون الداخل"),
                       encoding="utf-8")
    tags = listing_tags(listing_ruler(nlp_light, lacking), doc)
    assert tags[1:4] == ["O", "O", "O"] and [s.text for s in doc.spans["agencies"]] == live
    assert [f["0:gaz"] for f in doc_features(doc, tags)][1:3] == ["O", "O"]


def test_the_served_tagger_reads_the_listing_it_was_loaded_with(nlp_light, tmp_path, monkeypatch):
    """The tagger's own path, not only `listing_tags`: the features it gives its CRF carry
    the gazetteer tags of the listing it loaded, and a missing listing turns the CRF off with
    the model-missing warning instead of failing."""
    from nlp.components.agency_model import LISTING, LISTING_FILE, model_file
    from nlp.components.data_files import data_path

    tagger = nlp_light.get_pipe("agency_tagger")
    crf = data_path(None, model_file("agency_crf", tagger.mode))
    lacking = tmp_path / "agencies.jsonl"
    lacking.write_text(LISTING.read_text(encoding="utf-8").replace("وزارة الداخلية", "وزارة شؤون الداخل"),
                       encoding="utf-8")
    seen = []
    try:
        tagger.load({"agency_crf.pkl": crf, LISTING_FILE: lacking})
        monkeypatch.setattr(tagger.model, "predict_single",
                            lambda features: seen.append(features) or ["O"] * len(features))
        analyse(nlp_light, "وقالت وزارة الداخلية إن الحملة مستمرة.")
        assert [f["0:gaz"] for f in seen[0]][1:3] == ["O", "O"]
        monkeypatch.undo()
        tagger.load({"agency_crf.pkl": crf, LISTING_FILE: tmp_path / "missing.jsonl"})
        assert tagger.model is None
    finally:
        monkeypatch.undo()
        tagger.load({"agency_crf.pkl": crf, LISTING_FILE: LISTING})
    assert tagger.model is not None
