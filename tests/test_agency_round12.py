"""Agency kinds of the twelfth round (issue 9): a sending state's embassy in the state the
article is about, a short form in brackets, a committee whose remit ends on the crime it
fights before "في + the body it sits in", "إدارة ملف" as the running of a file, and bodies
Gulf reporting names that the gazetteer lacked."""
import pytest
from conftest import agency_pairs as agencies

from nlp.agency_chains import agencies_by_id
from nlp.agency_context import missions


@pytest.mark.parametrize("text,expected", [
    # a port customs department of Kuwait's customs
    ("وضبط موظفو جمارك الموانئ الشمالية شحنة مشبوهة في ميناء الشويخ.",
     ("جمارك الموانئ الشمالية", "kw-customs-north-ports")),
    # the consular department, without "الشؤون", with its ministry after it
    ("وقال مدير الإدارة القنصلية في وزارة الخارجية إن الكويت رحّلت العاملات.",
     ("الإدارة القنصلية", "kw-mofa-consular")),
    # the manpower authority's protection sector named with "القوى العاملة"
    ("وأعلن قطاع حماية القوى العاملة في الكويت تفتيش عشرين شركة.",
     ("قطاع حماية القوى العاملة", "kw-pam-labour-protection")),
    # an international alliance of NGOs, and a regional foundation based in Amman
    ("واستقبلت الجمعية وفداً من التحالف العالمي لمكافحة الاتجار بالنساء أمس.",
     ("التحالف العالمي لمكافحة الاتجار بالنساء", "gaatw")),
    ("ونظمت مؤسسة المستقبل ورشة عن حماية الضحايا في عمّان.",
     ("مؤسسة المستقبل", "future-foundation")),
    # a section of Bahrain's expat protection centre
    ("وأوضح رئيس قسم حماية حقوق العمالة الوافدة في البحرين أن البلاغات زادت.",
     ("قسم حماية حقوق العمالة الوافدة", "bh-lmra-expat-rights")),
])
def test_bodies_added_to_the_gazetteer(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a sending state's embassy named by its adjective alone: the one in the article's state
    ("وقالت جمعية بحرينية إن العاملات لجأن إلى السفارة الفلبينية بعد هروبهن في البحرين.",
     "ph-embassy-bh"),
    ("وقالت جمعية كويتية إن العاملات لجأن إلى السفارة الفلبينية بعد هروبهن في الكويت.",
     "ph-embassy-kw"),
    ("وحضرت السفارة الأمريكية الورشة التي نظمتها وزارة العمل في الدوحة.", "us-embassy-qa"),
    ("وحضرت السفارة الأميركية الورشة التي نظمتها وزارة العمل في الكويت.", "us-embassy-kw"),
])
def test_an_embassy_named_by_its_adjective_is_the_one_in_the_articles_state(any_nlp, text,
                                                                           expected):
    assert expected in {canonical for _, canonical in agencies(any_nlp, text)}


def test_missions_are_one_states_bodies_placed_in_other_states():
    by_id = agencies_by_id()
    assert missions([by_id["ph-embassy-kw"], by_id["ph-embassy-bh"]])
    assert not missions([by_id["kw-moi"], by_id["sa-moi"]])  # two states' bodies
    assert not missions([by_id["ph-embassy-kw"]])


def test_an_embassy_in_an_article_of_its_own_state_is_the_one_its_places_name(any_nlp):
    """An article on the sending state's own work ("the US" the most named state): the
    embassy is the one in the Gulf state its places name, not the first listed."""
    text = ("وقالت وزارة الخارجية الأمريكية ووزارة العدل الأمريكية إن الولايات المتحدة "
            "تدعم الإصلاحات في قطر، وحضرت السفارة الأمريكية الجلسة.")
    assert "us-embassy-qa" in {canonical for _, canonical in agencies(any_nlp, text)}


@pytest.mark.parametrize("text", [
    "وطالب الخبير (القوى العاملة) بمواصلة تفتيش الشركات في الكويت.",
    "وطالب الخبير «القوى العاملة» بمواصلة تفتيش الشركات في الكويت.",
])
def test_a_short_form_alone_in_brackets_or_quotes_is_its_body(any_nlp, text):
    assert ("القوى العاملة", "kw-pam") in agencies(any_nlp, text)


def test_a_committee_whose_remit_ends_on_the_crime_ends_before_the_body_it_sits_in(any_nlp):
    text = ("وقال رئيس لجنة رصد العمل القسري ومكافحة الاتجار بالبشر في الديوان الوطني "
            "لحقوق الإنسان إن اللجنة تلقت شكاوى في الكويت.")
    found = agencies(any_nlp, text)
    assert ("الديوان الوطني لحقوق الإنسان", "kw-dhr") in found
    assert not [name for name, _ in found if "في الديوان" in name]


def test_a_committee_hosted_by_a_ministry_keeps_it_in_its_name(nlp_light):
    """The rule of `hosted` stands for a remit that does not end on the crime."""
    from nlp.components.agencies import hosted
    from nlp.extract import analyse
    for text, keeps in (("اللجنة الدائمة لمتابعة خطة التنمية في وزارة الخارجية", True),
                        ("لجنة رصد العمل القسري ومكافحة الاتجار بالبشر في وزارة الخارجية", False)):
        doc = analyse(nlp_light, text)
        link = next(t.i for t in doc if t.text == "في" and doc[t.i + 1].text == "وزارة")
        assert hosted(doc[0:link]) is keeps


def test_running_a_file_is_no_body(any_nlp):
    text = "وأكد أن اللجنة تتواصل مع الجهات المعنية بإدارة ملف العمالة المنزلية في الكويت."
    assert not [name for name, _ in agencies(any_nlp, text) if name.startswith("إدارة")]


@pytest.mark.parametrize("text,found", [
    # a shelter network's brand quoted alone, in an article of its state
    ("وافتتحت «إيواء» مركزاً جديداً للضحايا في أبوظبي.", True),
    # the word unquoted is a shelter, and quoted in another state's article no body of it
    ("وافتتحت الهيئة مركزاً لإيواء الضحايا في أبوظبي.", False),
    ("وطالب النائب بتوفير «إيواء» للعاملات في الكويت.", False),
])
def test_a_brand_short_form_quoted_alone_is_its_body_in_its_state(any_nlp, text, found):
    assert ("ae-ewaa" in {canonical for _, canonical in agencies(any_nlp, text)}) is found


def test_a_model_name_stops_at_a_figure_glued_to_its_last_word(any_nlp):
    """A page that lost the space before a figure ("والأطفال15 ألفاً"): the name stops before
    the word that holds the figure, never runs on over the amount."""
    text = ("وقدمت جمعية الإمارات لرعاية الضحايا 30 ألفاً ومؤسسة الشارقة لرعاية النساء "
            "والأطفال15 ألفاً لدعم الضحايا في دبي.")
    names = [name for name, _ in agencies(any_nlp, text)]
    assert names and not [name for name in names if any(c.isdigit() for c in name)]
    assert not [name for name in names if "ألف" in name]


def test_a_body_named_without_the_place_its_name_holds_is_that_body(any_nlp):
    """A name the model finds ("دائرة القضاء") whose gazetteer form adds only its place
    ("دائرة القضاء في أبوظبي") is that body in an article of its state."""
    from nlp.agency_context import similar_agency
    from nlp.extract import analyse
    doc = analyse(any_nlp, "وقضت محكمة جنايات أبوظبي بسجن المتهمين، وطالبت دائرة القضاء بتشديد العقوبة.")
    start = next(t.i for t in doc if t.text == "دائرة")
    agency = similar_agency(doc, doc[start:start + 2], "AE")
    assert agency is not None and agency.id == "ae-adjd"
