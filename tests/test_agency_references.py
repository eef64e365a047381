"""nlp/agency_references.py and the grammar around it: names that refer to a body named
elsewhere in the article ("التابعة ل", a shortened name, a name cut before the end of a
longer one), remits after "المتخصصة ب", descriptions closed by "المختص/المعني", and the
state an adjective before a shared name gives it. Sentences are the team's own."""

from conftest import agency_pairs as agencies


def test_a_short_form_owned_by_its_parent_body_is_that_body(any_nlp):
    text = ("نظمت هيئة حقوق الإنسان في الرياض ورشة عمل بالتعاون مع مفوضية حقوق الإنسان "
            "التابعة للأمم المتحدة لمدة يومين.")
    found = agencies(any_nlp, text)
    assert ("مفوضية حقوق الإنسان", "ohchr") in found
    assert not any(c.startswith("sa-new") for _, c in found)


def test_a_shortened_name_refers_to_the_body_named_before_it(nlp):
    text = ("ضبطت الإدارة العامة لمكافحة المخدرات في الكويت شحنة كبيرة أمس. "
            "وقال مدير عام إدارة المكافحة إن الإحصائية السنوية لإدارة المكافحة تعكس الجهود.")
    found = agencies(nlp, text)
    assert all(c == "kw-moi-drugs" for name, c in found if "المكافحة" in name)
    assert any(name.endswith("إدارة المكافحة") for name, _ in found)


def test_a_name_cut_before_the_end_of_a_longer_one_is_the_longer_ones_body(any_nlp):
    text = ("تمكن رجال الجمارك في الكويت بالتعاون مع إدارة البحث والتحري من ضبط حاوية، "
            "وذلك بعد أن اشتبهت إدارة البحث والتحري الجمركي في محتوياتها.")
    found = agencies(any_nlp, text)
    assert ("إدارة البحث والتحري", "kw-customs-inv") in found
    assert ("إدارة البحث والتحري", "kw-moi-residency-inv-search") not in found


def test_a_name_closed_by_a_word_pointing_back_is_a_description(nlp):
    text = ("أوقفت شرطة منطقة الرياض المتهم في مركز الشرطة المختص، واستدعت صاحب مكتب "
            "التوظيف المعني للتحقيق معه.")
    names = [name for name, _ in agencies(nlp, text)]
    assert "مركز الشرطة المختص" not in names
    assert "مكتب التوظيف المعني" not in names


def test_a_remit_after_a_remit_adjective_belongs_to_the_name(nlp):
    text = "باشرت النيابة المتخصصة بمكافحة الاتجار بالأشخاص التحقيق مع المتهمين في المنامة."
    names = [name for name, _ in agencies(nlp, text)]
    assert "النيابة المتخصصة بمكافحة الاتجار بالأشخاص" in names
    assert "النيابة المتخصصة" not in names
    assert not any(name.endswith("التحقيق") for name in names)  # the remit ends there


def test_a_state_adjective_before_a_shared_name_gives_its_state(any_nlp):
    text = ("يفتتح وزير العمل القطري المنتدى الذي تنظمه وزارة العمل، ويضم في عضويته "
            "السعودية والكويت والبحرين والإمارات.")
    assert ("وزارة العمل", "qa-mol") in agencies(any_nlp, text)


def test_a_state_adjective_after_a_shared_name_qualifies_another_noun(any_nlp):
    text = ("وزارة الداخلية والشرطة العمانية تحبطان تهريب شحنة. وأحبطت الإدارة العامة "
            "لمكافحة المخدرات الاتحادية في وزارة الداخلية التهريب بالتعاون مع شرطة عمان "
            "السلطانية.")
    found = agencies(any_nlp, text)
    assert ("وزارة الداخلية", "om-moi") not in found
    assert ("وزارة الداخلية", "ae-moi") in found


def test_a_committee_named_with_bi_before_its_remit_is_the_gazetteers(any_nlp):
    text = ("نظمت دائرة الحماية الأسرية حلقة عمل بمشاركة اللجنة الوطنية بمكافحة الاتجار "
            "بالبشر وشرطة عمان السلطانية.")
    assert ("اللجنة الوطنية بمكافحة الاتجار بالبشر", "om-ncct") in agencies(any_nlp, text)


def test_gulf_family_councils_and_universities_are_listed(any_nlp):
    text = ("زارت رئيسة المجلس الأعلى للأمومة والطفولة في الإمارات مراكز الإيواء، وشاركت "
            "جامعة البحرين وجامعة السلطان قابوس في المؤتمر.")
    found = {c for _, c in agencies(any_nlp, text)}
    assert {"ae-scmc", "bh-uob", "om-squ"} <= found


def test_a_short_form_ending_on_its_state_adjective_stands_alone(any_nlp):
    text = "رفضت الكويت ما جاء في تقرير الخارجية الأميركية الأخير عن حقوق الإنسان."
    assert ("الخارجية الأميركية", "us-dos") in agencies(any_nlp, text)


def test_a_short_form_ending_on_an_adjective_after_a_title_is_no_body(any_nlp):
    text = "قالت وزيرة الخارجية الأميركية إن بلادها ترحب بالخطوة."
    assert not any(c == "us-dos" for _, c in agencies(any_nlp, text))


def test_a_missions_short_form_ending_on_its_adjective_needs_its_host(any_nlp):
    text = "أكد التقرير الصادر عن السفارة الأمريكية لدى الدولة تعاون الإمارات."
    assert not any(c == "us-embassy-kw" for _, c in agencies(any_nlp, text))


def test_a_one_word_short_form_acting_on_its_own_is_its_states_body(any_nlp):
    text = ("قطر - الداخلية تضبط عشرات المخالفين لقانون الإقامة\n"
            "واصلت الإدارات المختصة في الدوحة حملاتها على المخالفين.")
    assert ("الداخلية", "qa-moi") in agencies(any_nlp, text)


def test_short_forms_in_a_list_or_a_title_stand_for_no_body(any_nlp):
    text = ("شارك في اللقاء ممثلون عن الشؤون والصحة والداخلية، وحضره وزير الداخلية "
            "وعدد من المسؤولين عن السياسة الداخلية في الكويت.")
    assert not any(name == "الداخلية" for name, _ in agencies(any_nlp, text))


def test_a_short_form_acting_on_its_own_refers_to_the_body_named_with_it(any_nlp):
    text = ("أصدرت وزارة الخارجية الأميركية تقريرها السنوي عن الاتجار بالبشر في الرياض.\n"
            "وأكدت الخارجية في تقريرها تراجع عدد الضحايا.")
    found = agencies(any_nlp, text)
    assert ("الخارجية", "us-dos") in found
    assert ("الخارجية", "sa-mofa") not in found


def test_a_news_agency_acronym_split_by_the_tokenizer_counts_only_in_a_dateline(any_nlp):
    text = "قدمت الوزارات المعنية عروضا مرئية حول جهودها وإج"  # a word cut at the text's end
    assert not any(c == "dz-aps" for _, c in agencies(any_nlp, text))


def test_a_sector_of_the_labour_market_is_no_body(nlp):
    text = "ويمثل قطاع العمالة المنزلية أحد قطاعات سوق العمل في المملكة."
    assert not any(name.startswith("قطاع") for name, _ in agencies(nlp, text))


def test_a_news_agency_acronym_closing_a_dateline_line_counts(any_nlp):
    text = "الرياض 15 رجب 1446 هـ الموافق 15 يناير 2025 م واس\nعقدت اللجنة اجتماعها الأول."
    assert any(c == "sa-spa" for _, c in agencies(any_nlp, text))
