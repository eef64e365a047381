import pytest

from nlp.dates import dates_agree
from timeline.merge import find_match, titles_agree


@pytest.mark.parametrize("a,b,same", [
    ("2024", "2024-05-02", True), ("2024", "2023", False), ("2024-05", "2024-05-30", True),
    ("2024-05", "2024-06-01", False), ("2024-05-01", "2024-05-03", True),
    ("2024-05-01", "2024-05-20", False), (None, None, True), (None, "2024", False),
])
def test_dates_agree_at_their_precision(a, b, same):
    assert dates_agree(a, b) is same


@pytest.mark.parametrize("a,b,same", [
    ("توقيع مذكرة تفاهم مع المنظمة الدولية", "توقيع مذكرة التفاهم مع منظمة الهجرة الدولية", True),
    ("دورة تدريبية لضباط الداخلية", "توقيع مذكرة تفاهم", False),
    ("", "توقيع", False),
])
def test_titles_agree(a, b, same):
    assert titles_agree(a, b) is same


def _event(db, **values):
    event_id = db["events"].insert({"type": "agreement", "date": "2024-05-02", "year": 2024,
                                    "country": "KW", "title": "توقيع مذكرة تفاهم", **values}).last_pk
    return event_id


@pytest.mark.parametrize("candidate,matches", [
    ({"type": "agreement", "date": "2024-05-03", "year": 2024, "country": "KW",
      "title": "توقيع مذكرة تفاهم بين الجانبين"}, True),
    ({"type": "agreement", "date": "2024-05-03", "year": 2024, "country": "SA",
      "title": "توقيع مذكرة تفاهم"}, False),
    ({"type": "training", "date": "2024-05-02", "year": 2024, "country": "KW",
      "title": "توقيع مذكرة تفاهم"}, False),
    ({"type": "agreement", "date": "2024-09-02", "year": 2024, "country": "KW",
      "title": "توقيع مذكرة تفاهم"}, False),
])
def test_find_match_within_the_block(db, candidate, matches):
    event_id = _event(db)
    assert (find_match(db, candidate, set()) == event_id) is matches


def test_agencies_overlap_matches_different_titles(db):
    event_id = _event(db)
    entity = db["entities"].insert({"label": "AGENCY", "key": "iom"}).last_pk
    db["event_entities"].insert({"event_id": event_id, "entity_id": entity, "role": "agency"})
    other = {"type": "agreement", "date": "2024", "year": 2024, "country": "KW",
             "title": "الكويت والمنظمة تبرمان اتفاقا"}
    assert find_match(db, other, {"iom"}) == event_id
    assert find_match(db, other, {"ilo"}) is None


def test_dated_event_without_agencies_joins_its_block(db):
    event_id = _event(db, date="2006", year=2006, type="accession", title="انضمام الكويت")
    other = {"type": "accession", "date": "2006", "year": 2006, "country": "KW",
             "title": "انضمت إليها دولة الكويت بموجب القانون"}
    assert find_match(db, other, {"kw-ncctp"}) == event_id


def test_undated_events_need_similar_titles(db):
    event_id = _event(db, date=None, year=None, type="training", title="دورة تدريبية لضباط الداخلية")
    same = {"type": "training", "date": None, "year": None, "country": "KW",
            "title": "دورة تدريبية لضباط الداخلية حول الاتجار"}
    other = {"type": "training", "date": None, "year": None, "country": "KW",
             "title": "ورشة عمل للدبلوماسيين"}
    assert find_match(db, same, set()) == event_id
    assert find_match(db, other, set()) is None


def test_no_agency_is_not_enough_for_an_arrest(db):
    event_id = _event(db, date="2024-03-05", year=2024, type="enforcement", title="ضبط عصابة")
    entity = db["entities"].insert({"label": "AGENCY", "key": "kw-moi"}).last_pk
    db["event_entities"].insert({"event_id": event_id, "entity_id": entity, "role": "agency"})
    ruling = {"type": "enforcement", "date": "2024", "year": 2024, "country": "KW",
              "title": "حكمت محكمة الجنايات بحبس متهمين"}
    assert find_match(db, ruling, set()) is None


def test_the_same_law_links_two_reports(db):
    event_id = _event(db, date="2013", year=2013, type="legislation", title="إقرار القانون")
    entity = db["entities"].insert({"label": "LAW", "key": "law:91:2013"}).last_pk
    db["event_entities"].insert({"event_id": event_id, "entity_id": entity, "role": "law"})
    other = {"type": "legislation", "date": "2013", "year": 2013, "country": "KW",
             "title": "صدور تشريع جديد", "laws": [{"key": "law:91:2013"}]}
    assert find_match(db, other, set()) == event_id


def test_the_same_law_with_and_without_its_state_links_two_reports(db):
    event_id = _event(db, date="2013", year=2013, type="legislation", title="إقرار القانون")
    entity = db["entities"].insert({"label": "LAW", "key": "law:91:2013"}).last_pk
    db["event_entities"].insert({"event_id": event_id, "entity_id": entity, "role": "law"})
    other = {"type": "legislation", "date": "2013", "year": 2013, "country": "KW",
             "title": "صدور تشريع جديد", "laws": [{"key": "law:91:2013:KW"}]}
    assert find_match(db, other, set()) == event_id
    different = dict(other, laws=[{"key": "law:92:2013:KW"}])
    assert find_match(db, different, set()) is None


# --- each rule of the merge, alone (issue 15: every rule has a test that fails without it)

def _link(db, event_id, key, label="AGENCY"):
    found = next(db.query("SELECT id FROM entities WHERE label = ? AND key = ?", [label, key]), None)
    entity = found["id"] if found else db["entities"].insert({"label": label, "key": key}).last_pk
    db["event_entities"].insert({"event_id": event_id, "entity_id": entity, "role": label.lower()})


ACCESSION_STORED = "انضمام دولة الكويت إلى البروتوكول"
ACCESSION_OTHER = "صادقت الحكومة على الاتفاقية الأممية"


def test_accession_rule_joins_a_report_with_no_agency_and_a_different_title(db):
    assert not titles_agree(ACCESSION_STORED, ACCESSION_OTHER)  # not through the titles
    event_id = _event(db, date="2006", year=2006, type="accession", title=ACCESSION_STORED)
    _link(db, event_id, "kw-mofa")
    other = {"type": "accession", "date": "2006", "year": 2006, "country": "KW",
             "title": ACCESSION_OTHER}
    assert find_match(db, other, set()) == event_id
    # the rule is the accession's own: an agreement in the same position stays apart
    agreement = _event(db, date="2006", year=2006, type="agreement", title=ACCESSION_STORED)
    _link(db, agreement, "kw-mofa")
    assert find_match(db, {**other, "type": "agreement"}, set()) is None


def test_accession_rule_does_not_join_two_reports_naming_different_agencies(db):
    event_id = _event(db, date="2006", year=2006, type="accession", title=ACCESSION_STORED)
    _link(db, event_id, "kw-mofa")
    other = {"type": "accession", "date": "2006", "year": 2006, "country": "KW",
             "title": ACCESSION_OTHER}
    assert find_match(db, other, {"unodc"}) is None
    assert find_match(db, other, {"kw-mofa"}) == event_id


UNDATED = "دورة تدريبية لضباط الداخلية"
UNDATED_SAME = "دورة تدريبية لضباط الداخلية حول الاتجار"


def test_undated_events_with_conflicting_agencies_stay_apart(db):
    assert titles_agree(UNDATED, UNDATED_SAME)
    event_id = _event(db, date=None, year=None, type="training", title=UNDATED)
    _link(db, event_id, "kw-moi")
    other = {"type": "training", "date": None, "year": None, "country": "KW", "title": UNDATED_SAME}
    assert find_match(db, other, {"qa-moi"}) is None  # similar titles, other agencies
    assert find_match(db, other, {"kw-moi"}) == event_id  # the same agency
    assert find_match(db, other, set()) == event_id  # one report names none: no conflict


def test_undated_events_need_a_similar_title_even_with_a_shared_agency(db):
    event_id = _event(db, date=None, year=None, type="training", title=UNDATED)
    _link(db, event_id, "kw-moi")
    other = {"type": "training", "date": None, "year": None, "country": "KW",
             "title": "ورشة عمل للدبلوماسيين"}
    assert find_match(db, other, {"kw-moi"}) is None


@pytest.mark.parametrize("b,same", [
    ("2024-05-04", True), ("2024-04-28", True),  # 3 days either way: one event
    ("2024-05-05", False), ("2024-04-27", False),  # 4 days: two events
])
def test_day_tolerance_is_exactly_three_days(b, same):
    assert dates_agree("2024-05-01", b) is same


@pytest.mark.parametrize("date,same", [("2024-05-05", True), ("2024-05-06", False)])
def test_merge_day_tolerance_in_find_match(db, date, same):
    event_id = _event(db, date="2024-05-02", title="توقيع مذكرة تفاهم")
    candidate = {"type": "agreement", "date": date, "year": 2024, "country": "KW",
                 "title": "توقيع مذكرة تفاهم"}
    assert (find_match(db, candidate, set()) == event_id) is same


def test_dated_events_with_shared_agency_merge_without_similar_titles(db):
    event_id = _event(db, date="2024-05-02", title="توقيع مذكرة تفاهم")
    _link(db, event_id, "iom")
    other = {"type": "agreement", "date": "2024-05-03", "year": 2024, "country": "KW",
             "title": "الجانبان يبرمان اتفاقا للتعاون"}
    assert not titles_agree("توقيع مذكرة تفاهم", other["title"])
    assert find_match(db, other, {"iom"}) == event_id
    assert find_match(db, other, {"ilo"}) is None


def test_a_country_missing_on_one_side_does_not_block_a_match(db):
    event_id = _event(db, country=None)
    candidate = {"type": "agreement", "date": "2024-05-02", "year": 2024, "country": "KW",
                 "title": "توقيع مذكرة تفاهم"}
    assert find_match(db, candidate, set()) == event_id


# --- what mutation testing found unguarded in the merge

def test_a_later_row_of_the_block_can_match_after_ones_that_do_not(db):
    _event(db, date="2024-05-20")  # same block, another date
    _event(db, date="2024-05-02", country="SA")  # same block and date, another country
    wanted = _event(db, date="2024-05-02")
    candidate = {"type": "agreement", "date": "2024-05-03", "year": 2024, "country": "KW",
                 "title": "توقيع مذكرة تفاهم"}
    assert find_match(db, candidate, set()) == wanted


@pytest.mark.parametrize("a,b,same", [
    ("اجتماع اللجنة", "اجتماع المجلس الأعلى", True),  # 1 word of the shorter 2: exactly half
    ("اجتماع اللجنة الوطنية", "اجتماع المجلس الأعلى", False),  # 1 of 3
])
def test_titles_agree_at_half_of_the_shorter_title(a, b, same):
    assert titles_agree(a, b) is same


def test_title_words_drop_short_words_and_the_article():
    from timeline.merge import title_words
    assert title_words("عقد في دبي الاجتماع") == {"عقد", "دبي", "اجتماع"}
    assert title_words(None) == set()


def test_different_laws_do_not_link_two_reports(db):
    event_id = _event(db, date="2013", year=2013, type="legislation", title="إقرار القانون")
    _link(db, event_id, "law:91:2013", label="LAW")
    other = {"type": "legislation", "date": "2013", "year": 2013, "country": "KW",
             "title": "صدور تشريع جديد", "laws": [{"key": "law:5:2013"}]}
    assert find_match(db, other, set()) is None
    unlinked = _event(db, date="2013", year=2013, type="legislation", title="مرسوم أميري")
    assert find_match(db, {**other, "title": "صدور تشريع جديد"}, set()) not in (unlinked,)
