"""nlp/agency_chains.py: agency names that run on past their gazetteer or model form — a
department with the body it belongs to, a generic name with "ل + state", open names,
regional reach, names cut where the text ends — and the Gulf bodies added for them."""

import pytest
from conftest import agency_pairs as agencies

from nlp.extract import analyse


@pytest.mark.parametrize("text,expected", [
    # a department of a police force the gazetteer lists, with the force after it
    ("صرح نائب مدير الإدارة العامة للتحريات والمباحث الجنائية بشرطة دبي بأن الفريق أوقف المتهمين.",
     [("الإدارة العامة للتحريات والمباحث الجنائية", "ae-dubai-police-cid"),
      ("شرطة دبي", "ae-dubai-police")]),
    # a department whose bare name is another state's body: the ministry after it decides
    ("نظمت إدارة حقوق الإنسان بوزارة الداخلية الإماراتية ملتقى عن حماية الضحايا.",
     [("إدارة حقوق الإنسان", "ae-moi-hr"), ("وزارة الداخلية الإماراتية", "ae-moi")]),
    ("تحدث مدير مديرية التحريات والتحقيقات الجنائية في شرطة أبوظبي عن البلاغات.",
     [("مديرية التحريات والتحقيقات الجنائية", "ae-ad-police-cid"),
      ("شرطة أبوظبي", "ae-ad-police")]),
])
def test_a_known_department_takes_its_id_from_the_body_named_after_it(nlp, nlp_light, text,
                                                                       expected):
    assert agencies(nlp, text) == expected
    assert agencies(nlp_light, text) == expected


def test_a_department_of_its_own_states_body_keeps_its_id(nlp_light):
    text = "وفي الكويت أعلنت الإدارة العامة للمباحث الجنائية بوزارة الداخلية ضبط شبكة."
    assert agencies(nlp_light, text) == [
        ("الإدارة العامة للمباحث الجنائية", "kw-moi-cid"), ("وزارة الداخلية", "kw-moi")]


def test_a_department_the_gazetteer_lacks_for_its_body_is_a_new_body_beside_it(nlp_light):
    # the newest real-text gold lists the department under its own name and the body apart
    text = "أعلنت المباحث الجنائية بشرطة الشارقة القبض على شبكة تستغل العمال."
    found = agencies(nlp_light, text)
    assert [t for t, _ in found] == ["المباحث الجنائية", "شرطة الشارقة"]
    assert found[0][1].startswith("ae-new-") and found[1][1] == "ae-sharjah-police"


def test_the_department_without_its_body_keeps_its_own_id(nlp_light):
    text = "وفي دبي قال مدير الإدارة العامة للتحريات والمباحث الجنائية إن القضية أحيلت."
    assert agencies(nlp_light, text) == [
        ("الإدارة العامة للتحريات والمباحث الجنائية", "ae-dubai-police-cid")]


@pytest.mark.parametrize("text,expected", [
    ("وشاركت في الورشة وزارة الخارجية للولايات المتحدة الأمريكية وخبراء آخرون.",
     ("وزارة الخارجية للولايات المتحدة الأمريكية", "us-dos")),
    ("وحضر ممثل وزارة الداخلية لمملكة البحرين الاجتماع.",
     ("وزارة الداخلية لمملكة البحرين", "bh-moi")),
])
def test_a_generic_name_followed_by_a_state_is_that_states_body(nlp_light, text, expected):
    assert expected in agencies(nlp_light, text)


def test_an_open_name_is_its_body_only_when_no_definite_word_follows(nlp_light):
    assert agencies(nlp_light, "ونسقت الفرق مع وزارة الشؤون، لإغلاق ملفات الشركات.") == [
        ("وزارة الشؤون", "kw-mosa")]
    found = agencies(nlp_light, "وأصدرت وزارة الشؤون الإسلامية تعميما للخطباء.")
    assert all(canonical != "kw-mosa" for _, canonical in found)


@pytest.mark.parametrize("text,expected", [
    ("وفي المنامة تلقت شعبة الإتجار بالبشر بلاغا من عاملة.", "bh-moi-tip-unit"),
    ("وقال البيان إن قطاع شؤون الإقامة تابع المخالفين.", "kw-moi-residency-sector"),
    ("ونظرت جنايات دبي قضية شبكة تستغل فتيات.", "ae-dubai-courts-criminal"),
    ("وعرض الوفد أمام فريق عمل الاستعراض الدوري الشامل تقريره.", "un-hrc-upr-wg"),
    ("ونسقت اللجنة مع الإدارة العامة للإقامة وشؤون الأجانب بشأن إعفاء الضحايا.",
     "ae-gdrfa-dubai"),
    ("وفي الدوحة أحال مكتب النائب العام القضية إلى المحكمة.", "qa-ppo"),
    ("واستقبل مركز أبوظبي للإيواء والرعاية الإنسانية ثلاث ضحايا.", "ae-ewaa"),
    ("وأبلغت الإدارة العامة لشرطة النجدة عن المتسولين في الجهراء.", "kw-moi-emergency"),
    ("وفي دبي رصد مركز مراقبة جرائم الاتجار بالبشر حالات جديدة.", "ae-dubai-police-tip-centre"),
])
def test_short_and_local_forms_of_gulf_bodies(nlp_light, text, expected):
    assert expected in [canonical for _, canonical in agencies(nlp_light, text)]


def test_a_name_cut_inside_its_last_word_at_the_texts_end_is_the_body_it_opens(nlp):
    found = agencies(nlp, "وفي المنامة أوضح رئيس نيابة الاتجار بالأشخ")
    assert found and found[-1][1] == "bh-ppo-tip"


def test_a_cut_word_inside_the_text_is_not_completed(nlp_light):
    from nlp.agency_chains import cut_agency
    doc = analyse(nlp_light, "وفي المنامة قالت نيابة الاتجار بالأشخ أمس إن")
    start = doc.text.index("نيابة")
    span = doc.char_span(start, start + len("نيابة الاتجار بالأشخ"), alignment_mode="expand")
    assert cut_agency(doc, span) is None


def test_a_name_runs_on_over_the_region_it_names(nlp):
    text = ("وتولت الأمانة العامة الدائمة للمنتدى الحكومي لمكافحة الاتجار بالأشخاص "
            "بمنطقة الشرق الأوسط تنظيم الدورة.")
    names = [t for t, _ in agencies(nlp, text)]
    assert any(n.endswith("بمنطقة الشرق الأوسط") for n in names)


def test_a_shop_of_the_district_is_not_a_body(nlp, nlp_light):
    text = "ضبطت الدورية امرأة تتسول في مواقف جمعية المنطقة."
    assert agencies(nlp, text) == []
    assert agencies(nlp_light, text) == []


def test_a_board_names_the_body_it_runs(nlp):
    from nlp.components.agency_model import _board_of
    doc = analyse(nlp, "وعقد مجلس إدارة مراكز إيواء لمكافحة الاتجار بالبشر اجتماعه الأول أمس.")
    start = doc.text.index("مجلس")
    span = doc.char_span(start, doc.text.index(" اجتماعه"), alignment_mode="expand")
    assert _board_of(doc, span).text == "مراكز إيواء لمكافحة الاتجار بالبشر"
    assert all(not text.startswith("مجلس إدارة") for text, _ in agencies(nlp, doc.text))


def test_a_head_with_a_describing_word_is_no_body(nlp_light):
    from nlp.components.agency_model import _opens_with_non_body
    doc = analyse(nlp_light, "وقرر إنشاء مركز جديد لإيواء الذكور من الضحايا.")
    start = doc.text.index("مركز")
    span = doc.char_span(start, start + len("مركز جديد لإيواء الذكور"), alignment_mode="expand")
    assert _opens_with_non_body(span)
    assert all(not text.startswith("مركز جديد") for text, _ in agencies(nlp_light, doc.text))


def test_a_shared_name_takes_the_state_of_its_familys_body_in_the_sentence(nlp_light):
    # a person's name read as a Kuwaiti place after it must not outweigh Bahrain's
    # trafficking prosecution, a department of one of the states' public prosecutions
    text = ("قال رئيس نيابة الاتجار بالأشخاص إن النيابة العامة تلقت 33 بلاغا منذ بداية العام "
            "في الكويت.")
    assert ("النيابة العامة", "bh-ppo") in agencies(nlp_light, text)


@pytest.mark.parametrize("text,expected", [
    ("التقى وفد من شرطة محافظة مسندم بمسؤولي الإدارة العامة للعمليات في سلطنة عمان.",
     ("شرطة محافظة مسندم", "om-rop-musandam")),
    ("أعلنت نيابة الجرائم الاقتصادية في الرياض إحالة ثلاثة متهمين.",
     ("نيابة الجرائم الاقتصادية", "sa-ppo-economic")),
    ("نفذت هيئة تنظيم سوق العمل حملات مع الإدارة العامة للدفاع المدني في مملكة البحرين.",
     ("الإدارة العامة للدفاع المدني", "bh-civil-defence")),
    ("شارك موظفو وزارة العمل في قطر من إدارة التفتيش وإدارة علاقات العمل في الورشة.",
     ("إدارة علاقات العمل", "qa-mol-labour-relations")),
    # sibling bodies of every GCC state, added with the ones the spent sets' gold marked new
    ("ضبطت شرطة منطقة الرياض ثلاثة وافدين يديرون مكتبا وهميا للعمالة.",
     ("شرطة منطقة الرياض", "sa-police-riyadh")),
    ("أحالت قيادة شرطة محافظة ظفار المتسللين إلى الادعاء العام.",
     ("قيادة شرطة محافظة ظفار", "om-rop-dhofar")),
    ("أوقفت إدارة مباحث الفروانية عصابة تتاجر بالإقامات.",
     ("إدارة مباحث الفروانية", "kw-moi-cid-farwaniya")),
    ("قضت المحكمة العامة في جدة بسجن المتهمين في قضية اتجار بالأشخاص.",
     ("المحكمة العامة في جدة", "sa-court-jeddah")),
    ("أيدت محكمة استئناف أبوظبي الحكم على المتهمين.",
     ("محكمة استئناف أبوظبي", "ae-ad-appeal-court")),
    ("نظرت المحكمة الصغرى الجنائية في البحرين قضية عمالة سائبة.",
     ("المحكمة الصغرى الجنائية", "bh-lower-criminal-court")),
    # a bare name the state's entry had only with its adjective
    ("مسقط - العمانية: أقيم الحفل بقاعة الهيئة العامة للطيران المدني في سلطنة عمان.",
     ("الهيئة العامة للطيران المدني", "om-caa")),
    # a renamed body keeps its old name: Saudi Arabia's labour ministry
    ("قالت وزارة العمل السعودية إن وزارة العمل في المملكة تلقت البلاغات.",
     ("وزارة العمل", "sa-mhrsd")),
])
def test_gulf_bodies_the_gazetteer_lacked_get_their_ids(nlp_light, text, expected):
    assert expected in agencies(nlp_light, text)


def test_a_shared_name_its_state_lacks_is_that_states_body_of_the_family_named(nlp_light):
    # Abu Dhabi's criminal court named first: the bare appeal court is Abu Dhabi's, not
    # another Gulf state's "محكمة الاستئناف"
    text = ("قضت محكمة جنايات أبوظبي بسجن المتهمين في قضية اتجار بالبشر.\n"
            "واستأنف المتهمان الحكم أمام محكمة الاستئناف التي أيدته.")
    assert ("محكمة الاستئناف", "ae-ad-appeal-court") in agencies(nlp_light, text)


def test_the_qatari_foreign_ministrys_human_rights_department(nlp_light):
    text = "شارك مدير إدارة حقوق الإنسان بوزارة الخارجية في ندوة عقدت في الدوحة."
    assert agencies(nlp_light, text) == [("إدارة حقوق الإنسان", "qa-mofa-hr"),
                                         ("وزارة الخارجية", "qa-mofa")]
    kuwaiti = "شارك مدير إدارة حقوق الإنسان بوزارة الخارجية في ندوة عقدت في الكويت."
    assert agencies(nlp_light, kuwaiti) == [("إدارة حقوق الإنسان", "kw-mofa-hr"),
                                            ("وزارة الخارجية", "kw-mofa")]


def test_a_shared_name_its_state_lacks_is_the_body_of_the_place_the_article_names(nlp_light):
    text = "ألقت الشرطة في دبي القبض على المتهمين وأحالتهم إلى محكمة الجنايات."
    assert ("محكمة الجنايات", "ae-dubai-courts-criminal") in agencies(nlp_light, text)


@pytest.mark.parametrize("text,expected", [
    # a one-state name that another Gulf state's press also uses for its own body
    ("أعلنت الإدارة العامة للجوازات في الرياض تمديد مهلة التصحيح.", "sa-jawazat"),
    ("أعلنت الإدارة العامة للجوازات في الدوحة تمديد مهلة التصحيح.", "qa-passports"),
])
def test_a_name_several_gulf_states_use_takes_its_context(nlp_light, text, expected):
    assert agencies(nlp_light, text)[0] == ("الإدارة العامة للجوازات", expected)


def test_a_committee_the_gazetteer_lacks_keeps_the_body_it_sits_in_in_its_name(nlp_light):
    # the light CRF retrained in the ninth round proposed no name here; the fifteenth
    # round's, with sentences in the shapes of real articles, does again
    text = ("وقال رئيس اللجنة الدائمة لمتابعة برامج التدريب في وزارة الخارجية الكويتية إن "
            "الدورة بدأت.")
    found = agencies(nlp_light, text)
    assert len(found) == 1 and found[0][0].endswith("في وزارة الخارجية الكويتية")
    assert found[0][1].startswith("kw-new-")


def test_a_unit_of_a_state_the_article_never_names_is_a_new_body_of_the_articles_state(
        nlp_light):
    # the gazetteer lists this directorate for Oman's police only; the article is Emirati
    text = ("أعلنت القيادة العامة لشرطة رأس الخيمة أن الإدارة العامة للعمليات تلقت بلاغا "
            "عن عمال محتجزين.")
    found = dict(agencies(nlp_light, text))
    assert found["الإدارة العامة للعمليات"].startswith("ae-new-")
    omani = "أعلنت شرطة عمان السلطانية أن الإدارة العامة للعمليات تلقت بلاغا."
    assert ("الإدارة العامة للعمليات", "om-rop-operations") in agencies(nlp_light, omani)


def test_a_unit_whose_name_says_its_state_keeps_it(nlp_light):
    text = ("ضبطت الإدارة العامة لمكافحة المخدرات الاتحادية بالتعاون مع شرطة عمان السلطانية "
            "كمية من المخدرات في مسقط.")
    assert ("الإدارة العامة لمكافحة المخدرات الاتحادية", "ae-moi-drugs") in agencies(nlp_light, text)


def test_a_unit_name_after_an_indefinite_unit_head_takes_the_head(any_nlp):
    doc = analyse(any_nlp, "تابعت ادارة التحريات والبحث الجنائي في الرياض العصابة حتى ضبطها.")
    names = [s.text for s in doc.spans["mentions"] if s.label_ == "AGENCY"]
    assert "ادارة التحريات والبحث الجنائي" in names
    assert "التحريات والبحث الجنائي" not in names


def test_a_unit_head_before_another_bodys_head_noun_is_its_running(any_nlp):
    doc = analyse(any_nlp, "عقد مجلس إدارة المؤسسة القطرية لمكافحة الاتجار بالبشر اجتماعه في الدوحة.")
    names = [s.text for s in doc.spans["mentions"] if s.label_ == "AGENCY"]
    assert not any(name.startswith("إدارة") for name in names)
