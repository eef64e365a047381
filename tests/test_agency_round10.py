"""Agency kinds of the tenth round (issue 9): Gulf and UN bodies the gazetteer lacked, and
name forms of bodies it had (a singular shelter, an old department name)."""
import pytest
from conftest import agency_pairs as agencies
from test_agency_model import labelled

from nlp.extract import analyse


@pytest.mark.parametrize("text,expected", [
    # Saudi border units and a Saudi directorate of community security
    ("وضبطت دوريات الإدارة العامة للمجاهدين بمنطقة نجران مهربين.",
     ("الإدارة العامة للمجاهدين", "sa-mujahideen")),
    ("وأحبطت قوة المجاهدين تهريب عشرة أشخاص عبر الحدود.", ("قوة المجاهدين", "sa-mujahideen")),
    ("وأحالت الإدارة العامة للأمن المجتمعي ومكافحة جرائم الاتجار بالأشخاص القضية في الرياض.",
     ("الإدارة العامة للأمن المجتمعي ومكافحة جرائم الاتجار بالأشخاص", "sa-community-security")),
    # committees of Kuwait's National Assembly
    ("وناقشت لجنة الظواهر السلبية البرلمانية تقارير عن تجارة الإقامات.",
     ("لجنة الظواهر السلبية البرلمانية", "kw-nassembly-negative-phenomena")),
    ("وطلبت لجنة الميزانيات البرلمانية بيانات عن العمالة الوافدة.",
     ("لجنة الميزانيات البرلمانية", "kw-nassembly-budgets")),
    # a UN working group under the Conference of the Parties
    ("وشارك الوفد في اجتماع الفريق العامل المعني بتهريب المهاجرين في فيينا.",
     ("الفريق العامل المعني بتهريب المهاجرين", "untoc-cop-wg-som")),
    ("وعرض الوفد تجربة بلاده أمام الفريق العامل المعني بالاتجار بالأشخاص.",
     ("الفريق العامل المعني بالاتجار بالأشخاص", "untoc-cop-wg-tip")),
    ("ودربت مؤسسة مطارات دبي موظفيها على رصد الضحايا.", ("مؤسسة مطارات دبي", "ae-dubai-airports")),
    # the singular of the Emirati shelters, and Kuwait's men's shelter
    ("وزار الوفد مركز إيواء النساء والأطفال في أبوظبي.",
     ("مركز إيواء النساء والأطفال", "ae-ewaa")),
    ("وافتتحت الكويت مركز إيواء للعمالة الوافدة من الرجال هذا العام.",
     ("مركز إيواء للعمالة الوافدة من الرجال", "kw-pam-shelter-men")),
    # the former name of Kuwait's residency affairs department
    ("وأبعدت الإدارة العامة للهجرة في الكويت مئات المخالفين.",
     ("الإدارة العامة للهجرة", "kw-moi-residency")),
])
def test_bodies_added_to_the_gazetteer(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


@pytest.mark.parametrize("text,name,state", [
    # an embassy named by its state runs on over the place it sits in, and is that state's
    ("وأقامت سفارة مملكة النرويج في الكويت ورشة عن العمالة.",
     "سفارة مملكة النرويج في الكويت", "no"),
    ("ونظمت سفارة جمهورية كينيا لدى الكويت لقاء للعاملات.",
     "سفارة جمهورية كينيا لدى الكويت", "ke"),
])
def test_an_embassy_runs_on_over_its_place_and_is_its_states(nlp, text, name, state):
    found = dict(agencies(nlp, text))
    assert name in found and found[name].startswith(f"{state}-new-")


def test_a_new_body_of_an_international_body_keeps_it_in_its_name(nlp):
    text = "وأشاد الوفد بدور الهيئة الاستشارية لحماية العمال المهاجرين التابعة للأمم المتحدة في ذلك."
    found = dict(agencies(nlp, text))
    name = "الهيئة الاستشارية لحماية العمال المهاجرين التابعة للأمم المتحدة"
    assert name in found and found[name].startswith("xx-new-")
    assert not [n for n, i in found.items() if i == "un"]


@pytest.mark.parametrize("text,words,name", [
    ("وقال المدير إن لجنة المتابعة اكتشفت مخالفات.", ("لجنة", "اكتشفت"), "لجنة المتابعة"),
    ('وأنشئت الدائرة "تسريعا للفصل" في القضايا.', ("الدائرة", "تسريعا"), None),
])
def test_a_model_name_stops_before_a_verb_or_a_quote(any_nlp, text, words, name):
    from nlp.components.agency_model import _trim
    doc = analyse(any_nlp, text)
    first = next(t.i for t in doc if t.text == words[0])
    last = next(t.i for t in doc if t.text == words[1])
    trimmed = _trim(doc[first:last + 1])
    assert (trimmed.text if trimmed is not None else None) == name


@pytest.mark.parametrize("text,name", [
    ("وناقشت اللجنة الفرعية المنبثقة عن اللجنة التشريعية الطلب.", "اللجنة الفرعية المنبثقة"),
    ("وقال إن الدائرة الجديدة باشرت عملها هذا الأسبوع.", "الدائرة الجديدة"),
    ("وضبطت الجهات مكتب استقدام العمالة المنزلية في حولي.", "مكتب استقدام العمالة المنزلية"),
    ("وأغلقت الوزارة مكتب الاستقدام والعمالة المخالف.", "مكتب الاستقدام والعمالة"),
])
def test_descriptions_and_recruitment_offices_are_no_bodies(any_nlp, text, name):
    assert labelled(any_nlp, text, name) is None


def test_a_family_name_that_speaks_is_no_place_of_a_state(any_nlp):
    text = ("وأكد رئيس النيابة علي الشويخ التزام المملكة بالاتفاقية. وقال الشويخ في ندوة "
            "نظمتها اللجنة الوطنية لمكافحة الاتجار بالأشخاص بمملكة البحرين إن القانون تطور.")
    assert ("اللجنة الوطنية لمكافحة الاتجار بالأشخاص", "bh-nccth") in agencies(any_nlp, text)


def test_bahrains_plenary_prosecution(any_nlp):
    text = "وأحالت النيابة الكلية في المنامة المتهمين إلى المحكمة."
    assert ("النيابة الكلية", "bh-ppo-plenary") in agencies(any_nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("وقال مدير إدارة عمل محافظة الجهراء إن التفتيش مستمر.",
     ("إدارة عمل محافظة الجهراء", "kw-pam-jahra-labour")),
    ("وأوقفت إدارة عمل محافظة حولي ملفات شركات وهمية.",
     ("إدارة عمل محافظة حولي", "kw-pam-hawalli-labour")),
])
def test_kuwaits_governorate_labour_departments(any_nlp, text, expected):
    assert expected in agencies(any_nlp, text)


def test_the_un_training_and_documentation_centre_in_doha(any_nlp):
    text = ("وناقش الاجتماع التعاون مع مركز الأمم المتحدة الإقليمي للتدريب والتوثيق لمنطقة "
            "جنوب غرب آسيا والمنطقة العربية في الدوحة.")
    assert ("مركز الأمم المتحدة الإقليمي للتدريب والتوثيق لمنطقة جنوب غرب آسيا والمنطقة العربية",
            "ohchr-tdc-doha") \
        in agencies(any_nlp, text)


def test_a_name_after_a_demonstrative_points_back(any_nlp):
    text = "وقال إن تشكيل هذه الهيئة الاستشارية جاء بقرار من الوزير."
    assert labelled(any_nlp, text, "الهيئة الاستشارية") is None


@pytest.mark.parametrize("text", [
    "وعقدت اللجنة اجتماعها في البحرين حيث تتولى النيابة المتخصصة بمكافحة الاتجار بالأشخاص التحقيق.",
    "وقالت المنامة إن النيابة المتخصصة في مكافحة الاتجار بالأشخاص أحالت المتهمين إلى المحكمة.",
])
def test_bahrains_specialised_prosecution_by_its_long_name(any_nlp, text):
    found = agencies(any_nlp, text)
    assert any(canonical == "bh-ppo-tip" for _, canonical in found), found


def test_a_ministrys_head_office_is_no_body_of_its_own(any_nlp):
    found = agencies(any_nlp, "وعقدت اللجنة الوطنية اجتماعها أمس في الديوان العام لوزارة الخارجية في المنامة.")
    assert not any(text.startswith("الديوان العام") for text, _ in found), found


@pytest.mark.parametrize("text,state", [
    (("استقبل أمير الكويت الشيخ مشعل الأحمد وفدا من السعودية. وأكدت الكويت التزامها بالاتفاقية، "
     "وقالت وزارة الداخلية إنها ضبطت 10 متهمين."), "kw-moi"),
    (("استقبل أمير قطر وفدا من البحرين. وأكد أمير البحرين دعمه. وقالت البحرين إن وزارة الداخلية "
     "ضبطت شبكة."), "bh-moi"),
])
def test_a_state_after_a_rulers_title_is_no_family_name(any_nlp, text, state):
    assert ("وزارة الداخلية", state) in agencies(any_nlp, text)


def test_a_head_office_entry_leaves_a_body_named_on_from_it(any_nlp):
    found = agencies(any_nlp, "أعلن الديوان العام للمحاسبة في المملكة العربية السعودية نتائج التدقيق.")
    assert [text for text, _ in found] == ["الديوان العام للمحاسبة"], found


def test_an_embassy_with_and_without_its_seat_is_one_body(any_nlp):
    found = agencies(any_nlp, "وأقامت سفارة مملكة النرويج في الكويت ورشة عن مكافحة الاتجار "
                              "بالبشر، وقالت سفارة مملكة النرويج إن الورشة ناجحة.")
    assert len({canonical for _, canonical in found}) == 1 and len(found) == 2, found


def test_a_short_quoted_proper_name_stays_inside_the_bodys_name(nlp_light):
    from nlp.components.agency_model import _trim

    doc = nlp_light("وقالت جمعية «أمان» لحماية الأسرة إن عدد الضحايا ارتفع، وقالت الدائرة «الإسراع في البت في القضايا» كذا.")
    words = [t.text for t in doc]
    start = words.index("جمعية")
    assert _trim(doc[start:start + 7]).text == "جمعية «أمان» لحماية الأسرة"
    straight = nlp_light('وقالت جمعية "أمان" لحماية الأسرة إن عدد الضحايا ارتفع.')
    start = [t.text for t in straight].index("جمعية")
    assert _trim(straight[start:start + 7]).text == 'جمعية "أمان" لحماية الأسرة'
    start = words.index("الدائرة")
    assert _trim(doc[start:start + 6]) is None  # the quote follows the name, cut there
