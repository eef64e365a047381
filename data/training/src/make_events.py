#!/usr/bin/env python3
"""Build data/training/events.jsonl: hand-written sentences + slot-filled templates.

Run from the repository root:  python data/training/src/make_events.py
Stdlib only; seeded, so the output is byte-for-byte reproducible.
Each template is its own group (t001, t002, ...); hand-written batches keep their
group ids (h01, h02, ...), so evaluation can hold out whole groups.
Template markers: {slot} is filled by slot_values() below; [[fem|masc:slot]] picks the verb
form agreeing with the gender of the agency placed in {slot}.
"""
import json
import os
import random
import re

# ---------------------------------------------------------------------------
# Slot values shared with make_relevance.py (which imports them from here).
# Every value is a plain name, number pattern or date pattern; no article text.
# Agency pools are lists of (name, gender); gender "f"/"m" drives verb agreement
# through the marker [[feminine-form|masculine-form:slot]] inside templates.
# ---------------------------------------------------------------------------
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
          "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"]

F, M = "f", "m"

COUNTRIES = {
    "KW": dict(
        name="الكويت", state="دولة الكويت", adj="الكويتية", currency="دينار",
        styles=["kuna", "alqabas", "alrai", "alanba", "aljarida", "alseyassah", "ministry_release"],
        moi=[("وزارة الداخلية", F), ("الإدارة العامة لشؤون الإقامة", F), ("الإدارة العامة للمباحث الجنائية", F),
             ("الإدارة العامة للتحقيقات", F), ("قطاع الأمن الجنائي", M)],
        ppo=[("النيابة العامة", F), ("نيابة الجرائم الخاصة", F)],
        court=[("محكمة الجنايات", F), ("محكمة الاستئناف", F), ("محكمة التمييز", F), ("المحكمة الكلية", F)],
        committee=[("اللجنة الوطنية الدائمة لمكافحة الاتجار بالأشخاص وتهريب المهاجرين", F), ("اللجنة الوطنية الدائمة", F)],
        labour=[("الهيئة العامة للقوى العاملة", F), ("إدارة العمالة المنزلية", F)],
        mofa=[("وزارة الخارجية", F), ("إدارة حقوق الإنسان في وزارة الخارجية", F)],
        justice=[("وزارة العدل", F)],
        social=[("وزارة الشؤون الاجتماعية", F)],
        shelter=[("مركز إيواء العمالة الوافدة", M), ("مركز الإيواء التابع للهيئة العامة للقوى العاملة", M)],
        academy=[("أكاديمية سعد العبدالله للعلوم الأمنية", F), ("معهد الكويت للدراسات القضائية والقانونية", M)],
        hrb=[("الديوان الوطني لحقوق الإنسان", M), ("جمعية حقوق الإنسان الكويتية", F)],
        parl=("مجلس الأمة", M), decree="مرسوم بقانون",
        capital="مدينة الكويت", tip_law=["القانون رقم 91 لسنة 2013", "قانون مكافحة الاتجار بالأشخاص وتهريب المهاجرين"],
        law=["القانون رقم 91 لسنة 2013", "قانون مكافحة الاتجار بالأشخاص وتهريب المهاجرين", "قانون العمالة المنزلية رقم 68 لسنة 2015", "قانون الإقامة"],
        cities=["مدينة الكويت", "الجهراء", "الفروانية", "حولي", "الأحمدي", "جليب الشيوخ", "المهبولة", "خيطان", "الفحيحيل", "السالمية", "صبحان"],
        ports=["منفذ العبدلي", "منفذ النويصيب", "مطار الكويت الدولي", "ميناء الشويخ", "منفذ السالمي"],
    ),
    "SA": dict(
        name="السعودية", state="المملكة العربية السعودية", adj="السعودية", currency="ريال",
        styles=["spa", "spa", "spa", "ministry_release"],
        moi=[("وزارة الداخلية", F), ("المديرية العامة للجوازات", F), ("الأجهزة الأمنية", F), ("شرطة منطقة الرياض", F)],
        ppo=[("النيابة العامة", F)],
        court=[("المحكمة الجزائية", F), ("محكمة الاستئناف", F)],
        committee=[("اللجنة الوطنية لمكافحة جرائم الاتجار بالأشخاص", F)],
        labour=[("وزارة الموارد البشرية والتنمية الاجتماعية", F)],
        mofa=[("وزارة الخارجية", F)], justice=[("وزارة العدل", F)],
        social=[("وزارة الموارد البشرية والتنمية الاجتماعية", F)],
        shelter=[("دار الإيواء التابعة لوزارة الموارد البشرية", F), ("مركز إيواء العمالة المنزلية", M)],
        academy=[("جامعة نايف العربية للعلوم الأمنية", F), ("معهد الإدارة العامة", M)],
        hrb=[("هيئة حقوق الإنسان", F)],
        parl=("مجلس الشورى", M), decree="مرسوم ملكي",
        capital="الرياض", tip_law=["نظام مكافحة جرائم الاتجار بالأشخاص"],
        law=["نظام مكافحة جرائم الاتجار بالأشخاص", "نظام العمل", "لائحة العمالة المنزلية"],
        cities=["الرياض", "جدة", "الدمام", "مكة المكرمة", "جازان", "المدينة المنورة"],
        ports=["منفذ البطحاء", "مطار الملك خالد الدولي", "قطاع جازان", "ميناء جدة الإسلامي"],
    ),
    "AE": dict(
        name="الإمارات", state="دولة الإمارات", adj="الإماراتية", currency="درهم",
        styles=["wam", "wam", "wam", "ministry_release"],
        moi=[("وزارة الداخلية", F), ("شرطة دبي", F), ("شرطة أبوظبي", F), ("شرطة الشارقة", F)],
        ppo=[("النيابة العامة", F), ("نيابة دبي", F)],
        court=[("محكمة الجنايات في دبي", F), ("محكمة أبوظبي الجزائية", F)],
        committee=[("اللجنة الوطنية لمكافحة جرائم الاتجار بالبشر", F)],
        labour=[("وزارة الموارد البشرية والتوطين", F)],
        mofa=[("وزارة الخارجية", F)], justice=[("وزارة العدل", F)],
        social=[("مؤسسة دبي لرعاية النساء والأطفال", F)],
        shelter=[("مراكز إيواء ضحايا الاتجار بالبشر", F), ("مؤسسة دبي لرعاية النساء والأطفال", F)],
        academy=[("أكاديمية شرطة دبي", F), ("معهد التدريب القضائي", M)],
        hrb=[("الهيئة الوطنية لحقوق الإنسان", F)],
        parl=("المجلس الوطني الاتحادي", M), decree="مرسوم بقانون اتحادي",
        capital="أبوظبي", tip_law=["القانون الاتحادي رقم 51 لسنة 2006", "قانون مكافحة جرائم الاتجار بالبشر"],
        law=["القانون الاتحادي رقم 51 لسنة 2006", "قانون مكافحة جرائم الاتجار بالبشر", "قانون عمال الخدمة المساعدة"],
        cities=["أبوظبي", "دبي", "الشارقة", "عجمان", "رأس الخيمة", "العين"],
        ports=["مطار دبي الدولي", "ميناء خليفة", "مطار أبوظبي الدولي"],
    ),
    "QA": dict(
        name="قطر", state="دولة قطر", adj="القطرية", currency="ريال",
        styles=["qna", "qna", "qna", "ministry_release"],
        moi=[("وزارة الداخلية", F), ("إدارة البحث الجنائي", F), ("الإدارة العامة للجوازات", F)],
        ppo=[("النيابة العامة", F)],
        court=[("المحكمة الابتدائية", F), ("محكمة الاستئناف", F)],
        committee=[("اللجنة الوطنية لمكافحة الاتجار بالبشر", F)],
        labour=[("وزارة العمل", F)], mofa=[("وزارة الخارجية", F)], justice=[("وزارة العدل", F)],
        social=[("وزارة التنمية الاجتماعية والأسرة", F)],
        shelter=[("دار الإيواء التابعة لوزارة التنمية الاجتماعية", F), ("مركز رعاية ضحايا الاتجار", M)],
        academy=[("أكاديمية الشرطة", F), ("مركز الدراسات القانونية والقضائية", M)],
        hrb=[("اللجنة الوطنية لحقوق الإنسان", F)],
        parl=("مجلس الشورى", M), decree="قرار أميري",
        capital="الدوحة", tip_law=["القانون رقم 15 لسنة 2011", "قانون مكافحة الاتجار بالبشر"],
        law=["القانون رقم 15 لسنة 2011", "قانون العمل", "القانون رقم 15 لسنة 2017 بشأن المستخدمين في المنازل"],
        cities=["الدوحة", "الوكرة", "الخور", "الريان"],
        ports=["مطار حمد الدولي", "منفذ أبو سمرة", "ميناء حمد"],
    ),
    "BH": dict(
        name="البحرين", state="مملكة البحرين", adj="البحرينية", currency="دينار",
        styles=["bna", "bna", "bna", "ministry_release"],
        moi=[("وزارة الداخلية", F), ("الإدارة العامة للمباحث والأدلة الجنائية", F)],
        ppo=[("النيابة العامة", F), ("نيابة الاتجار بالأشخاص", F)],
        court=[("المحكمة الكبرى الجنائية", F), ("محكمة الاستئناف العليا", F)],
        committee=[("اللجنة الوطنية لمكافحة الاتجار بالأشخاص", F)],
        labour=[("هيئة تنظيم سوق العمل", F)], mofa=[("وزارة الخارجية", F)], justice=[("وزارة العدل", F)],
        social=[("وزارة التنمية الاجتماعية", F)],
        shelter=[("مركز حماية ضحايا الاتجار بالأشخاص", M), ("دار الإيواء التابعة لهيئة تنظيم سوق العمل", F)],
        academy=[("الأكاديمية الملكية للشرطة", F), ("معهد الدراسات القضائية والقانونية", M)],
        hrb=[("المؤسسة الوطنية لحقوق الإنسان", F)],
        parl=("مجلس النواب", M), decree="مرسوم ملكي",
        capital="المنامة", tip_law=["القانون رقم 1 لسنة 2008", "قانون مكافحة الاتجار بالأشخاص"],
        law=["القانون رقم 1 لسنة 2008", "قانون مكافحة الاتجار بالأشخاص", "قانون العمل في القطاع الأهلي"],
        cities=["المنامة", "المحرق", "الرفاع", "مدينة عيسى", "سترة"],
        ports=["جسر الملك فهد", "مطار البحرين الدولي", "ميناء خليفة بن سلمان"],
    ),
    "OM": dict(
        name="عمان", state="سلطنة عمان", adj="العمانية", currency="ريال",
        styles=["ona", "ona", "ona", "ministry_release"],
        moi=[("شرطة عمان السلطانية", F), ("الإدارة العامة للتحريات والبحث الجنائي", F)],
        ppo=[("الادعاء العام", M)],
        court=[("المحكمة الابتدائية بمسقط", F), ("محكمة الاستئناف", F)],
        committee=[("اللجنة الوطنية لمكافحة الاتجار بالبشر", F)],
        labour=[("وزارة العمل", F)], mofa=[("وزارة الخارجية", F)], justice=[("وزارة العدل والشؤون القانونية", F)],
        social=[("وزارة التنمية الاجتماعية", F)],
        shelter=[("دار إيواء ضحايا الاتجار بالبشر", F), ("دار الوفاق", F)],
        academy=[("أكاديمية السلطان قابوس لعلوم الشرطة", F), ("المعهد العالي للقضاء", M)],
        hrb=[("اللجنة العمانية لحقوق الإنسان", F)],
        parl=("مجلس الشورى", M), decree="مرسوم سلطاني",
        capital="مسقط", tip_law=["قانون مكافحة الاتجار بالبشر الصادر بالمرسوم السلطاني رقم 126/2008", "قانون مكافحة الاتجار بالبشر"],
        law=["قانون مكافحة الاتجار بالبشر الصادر بالمرسوم السلطاني رقم 126/2008", "قانون العمل"],
        cities=["مسقط", "صلالة", "صحار", "نزوى", "صور", "مسندم"],
        ports=["محافظة مسندم", "منفذ الوجاجة", "ولاية صحار", "مطار مسقط الدولي"],
    ),
}
COUNTRY_WEIGHTS = {"KW": 10, "SA": 3, "AE": 3, "QA": 3, "BH": 3, "OM": 2}

INTL = [("مكتب الأمم المتحدة المعني بالمخدرات والجريمة", M), ("المنظمة الدولية للهجرة", F),
        ("منظمة العمل الدولية", F), ("المفوضية السامية لحقوق الإنسان", F)]
SOURCE_COUNTRIES = ["الفلبين", "الهند", "إثيوبيا", "سريلانكا", "نيبال", "بنغلاديش", "كينيا",
                    "إندونيسيا", "أوغندا", "باكستان", "غانا", "مدغشقر"]
NATIONALITIES = ["آسيوية", "أفريقية", "هندية", "بنغلاديشية", "نيبالية", "فلبينية", "إثيوبية",
                 "سريلانكية", "باكستانية", "أوغندية"]
US_TIERS = ["الفئة الأولى", "الفئة الثانية", "قائمة المراقبة من الفئة الثانية", "الفئة الثالثة"]

# nouns for counted things: (accusative singular for 11-99, genitive singular after hundreds, plural for 3-10)
NOUNS = {
    "accused": ("متهما", "متهم", "متهمين"),
    "workers": ("عاملا", "عامل", "عمال"),
    "maids": ("عاملة منزلية", "عاملة منزلية", "عاملات منزليات"),
    "women": ("امرأة", "امرأة", "نساء"),
    "companies": ("شركة", "شركة", "شركات"),
    "victims": ("ضحية", "ضحية", "ضحايا"),
    "participants": ("مشاركا", "مشارك", "مشاركين"),
    "officers": ("ضابطا", "ضابط", "ضباط"),
    "cases": ("قضية", "قضية", "قضايا"),
    "calls": ("اتصالا", "اتصال", "اتصالات"),
    "infiltrators": ("متسللا", "متسلل", "متسللين"),
    "employees": ("موظفا", "موظف", "موظفين"),
    "offices": ("مكتبا", "مكتب", "مكاتب"),
    "complaints": ("بلاغا", "بلاغ", "بلاغات"),
    "years": ("عاما", "عام", "سنوات"),
    "days": ("يوما", "يوم", "أيام"),
    "measures": ("إجراء", "إجراء", "إجراءات"),
    "residents": ("نزيلة", "نزيلة", "نزيلات"),
}


def count(n, noun):
    acc, gen, pl = NOUNS[noun]
    r = n % 100
    if n >= 100 and r in (0, 1, 2):
        return f"{n} {gen}"
    if 3 <= r <= 10:
        return f"{n} {pl}"
    return f"{n} {acc}"


def pick(rng, pool):
    v = rng.choice(pool)
    return v if isinstance(v, tuple) else (v, F)


def date_expr(rng, year):
    kind = rng.random()
    if kind < 0.30:
        return rng.choice(["أمس", "اليوم", "أمس الأول", "الأسبوع الماضي", "مطلع الشهر الجاري",
                           "منتصف الشهر الجاري", "يوم " + rng.choice(WEEKDAYS),
                           "اليوم " + rng.choice(WEEKDAYS), "صباح أمس", "مساء أمس",
                           rng.choice(WEEKDAYS) + " الماضي"])
    if kind < 0.65:
        return f"في {rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"
    if kind < 0.85:
        return f"في {rng.choice(MONTHS)} {year}"
    return rng.choice([f"خلال عام {year}", f"في عام {year}", f"سنة {year}", f"في {year}"])


GENDER_RE = re.compile(r"\[\[([^|\]]+)\|([^:\]]+):(\w+)\]\]")


def slot_values(rng, cc, extra=None):
    """Draw one consistent set of slot values for country code cc.
    Returns (values, genders); render() fills templates from them."""
    c = COUNTRIES[cc]
    law = rng.choice(c["law"])
    tip_law = rng.choice(c["tip_law"])
    law_years = [int(y) for y in re.findall(r"(?:لسنة|/)\s*(\d{4})", law + " " + tip_law)]
    year = rng.randint(max([2014] + [y + 1 for y in law_years]), 2025)
    start = year + rng.choice([0, 0, 1])
    v = {}
    genders = {}
    for slot in ("moi", "ppo", "court", "committee", "labour", "mofa", "justice", "social", "academy", "hrb",
                 "shelter"):
        name, g = pick(rng, c[slot])
        v[slot] = name
        genders[slot] = g
    name, g = pick(rng, INTL)
    v["intl"], genders["intl"] = name, g
    v["parl"], genders["parl"] = c["parl"]
    v.update(
        country=c["name"], state=c["state"], adj=c["adj"], currency=c["currency"],
        decree=c["decree"], law=law, tip_law=tip_law, capital=c["capital"],
        ppo0=c["ppo"][0][0], labour0=c["labour"][0][0], moi0=c["moi"][0][0],
        city=rng.choice(c["cities"]), port=rng.choice(c["ports"]),
        src=rng.choice(SOURCE_COUNTRIES), nat=rng.choice(NATIONALITIES), tier=rng.choice(US_TIERS),
        year=year, prev_year=year - 1, next_year=rng.choice([2026, 2027]),
        period=f"{start}-{start + rng.choice([2, 3, 4])}",
        date=date_expr(rng, year), month=rng.choice(MONTHS), weekday=rng.choice(WEEKDAYS),
        n_accused=count(rng.choice([3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 17, 21, 23]), "accused"),
        n_workers=count(rng.choice([14, 25, 37, 48, 60, 85, 120, 150, 200, 230, 300, 450, 600, 1200]), "workers"),
        n_maids=count(rng.choice([3, 4, 6, 8, 12, 15, 18, 24, 35, 40, 60, 85, 150, 210]), "maids"),
        n_women=count(rng.choice([3, 4, 5, 6, 7, 9, 11, 13, 16, 19]), "women"),
        n_companies=count(rng.choice([5, 7, 9, 12, 18, 25, 33, 40, 56, 70, 115, 160, 220]), "companies"),
        n_victims=count(rng.choice([3, 5, 7, 9, 12, 17, 23, 31, 46, 58, 64, 90, 130]), "victims"),
        n_participants=count(rng.choice([20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 120]), "participants"),
        n_officers=count(rng.choice([15, 20, 24, 30, 36, 40, 50, 65]), "officers"),
        n_cases=count(rng.choice([4, 6, 8, 11, 14, 19, 22, 27, 31, 38, 46]), "cases"),
        n_calls=count(rng.choice([150, 240, 380, 520, 760, 1100, 1450, 2300]), "calls"),
        n_infiltrators=count(rng.choice([6, 9, 13, 18, 22, 27, 34, 41, 56]), "infiltrators"),
        n_employees=count(rng.choice([3, 4, 5, 6, 7, 11]), "employees"),
        n_offices=count(rng.choice([3, 5, 7, 9, 12, 16, 23]), "offices"),
        n_complaints=count(rng.choice([35, 60, 95, 140, 210, 330, 480]), "complaints"),
        n_years=count(rng.choice([3, 5, 7, 10, 15]), "years"),
        n_days=count(rng.choice([3, 4, 5, 10, 21]), "days"),
        n_measures=count(rng.choice([25, 32, 40, 48, 56]), "measures"),
        capacity=count(rng.choice([50, 80, 120, 200, 300, 500]), "residents"),
        fine=f"{rng.choice([5, 10, 20, 50, 100])} ألف {c['currency']}",
        price=f"{rng.choice([600, 800, 1000, 1200, 1500, 2000])} {c['currency']}",
        n_plain=rng.choice([3, 4, 5, 6, 7]), pct=rng.choice([12, 18, 25, 30, 40, 65, 70, 80]),
        num=rng.choice([7, 12, 18, 23, 27, 35, 41]),
    )
    if extra:
        v.update(extra)
    return v, genders


def render(template, v, genders):
    """Fill a template from slot_values(); resolves [[fem|masc:slot]] markers."""
    def gsub(m):
        slot = m.group(3)
        return m.group(1) if genders.get(slot, F) == F else m.group(2)

    text = GENDER_RE.sub(gsub, template).format(**v)
    # prefixed prepositions written with a tatweel in templates: لـ{x} / بـ{x}
    text = re.sub(r"(?<!\S)لـال", "لل", text)
    text = re.sub(r"(?<!\S)([لب])ـ(?=[\u0621-\u064A])", r"\1", text)
    return text


def fill(template, rng, cc, extra=None):
    """Fill one template for country code cc with freshly drawn slot values."""
    return render(template, *slot_values(rng, cc, extra))


def weighted_country(rng, allowed=None):
    codes = [c for c in COUNTRY_WEIGHTS if allowed is None or c in allowed]
    weights = [COUNTRY_WEIGHTS[c] for c in codes]
    return rng.choices(codes, weights=weights, k=1)[0]


# ---------------------------------------------------------------------------
# events.jsonl
# ---------------------------------------------------------------------------

HERE = os.path.dirname(os.path.abspath(__file__))
HANDWRITTEN = os.path.join(HERE, "events_handwritten.jsonl")
OUT = os.path.join(HERE, "..", "events.jsonl")
SEED = 20250731
PER_TEMPLATE = 6

LABELS = ("legislation", "accession", "institution", "agreement", "strategy", "training",
          "meeting", "awareness", "enforcement", "victim_support", "report", "none")
STYLES = ("kuna", "alqabas", "alrai", "alanba", "aljarida", "alseyassah", "wam", "spa",
          "qna", "bna", "ona", "ministry_release")
ALL = None
GULF_NO_KW = ("SA", "AE", "QA", "BH", "OM")

# (label, planned, countries allowed or None, template)
TEMPLATES = [
    # ---- legislation
    ("legislation", False, ALL, "وافق مجلس الوزراء في {state} {date} على مشروع قانون بتعديل بعض أحكام {tip_law} بما يشدد العقوبات على جرائم الاتجار بالأشخاص."),
    ("legislation", False, ALL, "أقر {parl} {date} تعديلات على {tip_law} تمنح ضحايا الاستغلال حق الإقامة المؤقتة طوال فترة التقاضي."),
    ("legislation", False, ALL, "صدر {date} {decree} بتعديل {tip_law} ليشمل تجريم احتجاز وثائق سفر العمال."),
    ("legislation", False, ALL, "{labour}: صدور قرار بحظر تحصيل رسوم الاستقدام من العمال اعتبارا من {month} {year}"),
    ("legislation", False, ALL, "أصدر وزير العدل في {state} {date} قرارا وزاريا بإصدار اللائحة التنفيذية لـ{law}."),
    ("legislation", False, ALL, "إقرار {parl} في {year} تعديلا تشريعيا يرفع عقوبة تهريب المهاجرين إلى السجن {n_years}."),
    ("legislation", False, ALL, "تم {date} نشر قرار مجلس الوزراء بشأن تنظيم عمل مكاتب استقدام العمالة المنزلية في الجريدة الرسمية."),
    ("legislation", False, ALL, "[[أعدت|أعد:justice]] {justice} {date} مشروع قانون لحماية الشهود والمبلغين في قضايا الاتجار بالبشر [[وأحالته|وأحاله:justice]] إلى مجلس الوزراء."),
    ("legislation", False, ("KW",), "وافقت اللجنة التشريعية في مجلس الأمة {date} على اقتراح بقانون يجرم بيع أذونات العمل والإقامة، وأحالته إلى المجلس للتصويت عليه."),
    # ---- accession
    ("accession", False, ALL, "انضمت {state} في عام {year} إلى بروتوكول منع الاتجار بالأشخاص المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة."),
    ("accession", False, ALL, "صادقت {state} {date} على اتفاقية منظمة العمل الدولية بشأن العمل الجبري بعد استكمال إجراءاتها الدستورية."),
    ("accession", False, ALL, "وافق {parl} {date} على مشروع قانون بالموافقة على انضمام {state} إلى الاتفاقية العربية لمكافحة الجريمة المنظمة عبر الحدود الوطنية."),
    ("accession", False, ALL, "أودعت {state} {date} وثيقة التصديق على بروتوكول مكافحة تهريب المهاجرين لدى الأمين العام للأمم المتحدة."),
    ("accession", False, ALL, "{state} تنضم إلى بروتوكول عام 2014 الملحق باتفاقية العمل الجبري في {month} {year}"),
    ("accession", False, ALL, "صدر {decree} بالتصديق على انضمام {state} إلى البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن بيع الأطفال، وذلك في عام {year}."),
    ("accession", False, ALL, "التصديق على انضمام {state} إلى الاتفاقية العربية لمكافحة الاتجار بالأشخاص {date}."),
    ("accession", False, ALL, "أعلنت {mofa} أن {state} استكملت في {year} إجراءات انضمامها إلى اتفاقية منظمة العمل الدولية بشأن أسوأ أشكال عمل الأطفال."),
    # ---- institution
    ("institution", False, ALL, "[[أنشأت|أنشأ:moi]] {moi} {date} وحدة متخصصة في التحقيق بجرائم الاتجار بالأشخاص وتهريب المهاجرين."),
    ("institution", False, ALL, "افتتح وزير الشؤون الاجتماعية في {state} {date} {shelter} في {city} بطاقة استيعابية تصل إلى {capacity}."),
    ("institution", False, ALL, "صدر {date} قرار بتشكيل فريق عمل مشترك بين {moi} و{labour} لرصد الشركات المشتبه في تورطها بالاتجار بالإقامات."),
    ("institution", False, ALL, "تأسست {committee} في عام {year} بقرار من مجلس الوزراء لتنسيق جهود مكافحة الاتجار بالبشر في {state}."),
    ("institution", False, ALL, "[[أنشأت|أنشأ:ppo]] {ppo} {date} دائرة مختصة بقضايا الاتجار بالأشخاص والعمالة المنزلية."),
    ("institution", False, ALL, "{labour}: افتتاح مكتب لتلقي شكاوى العمالة المنزلية في {city} {date}"),
    ("institution", False, ALL, "جرى {date} تعديل مسمى إدارة حماية العمالة في {labour} لتصبح إدارة مكافحة الاتجار بالأشخاص وحماية العمالة."),
    ("institution", False, ALL, "إنشاء مكتب دائم لمكافحة الاتجار بالبشر في {port} بقرار من {moi} في {year}."),
    ("institution", False, ALL, "[[استحدثت|استحدث:academy]] {academy} {date} قسما لتدريس مكافحة الاتجار بالبشر ضمن [[برامجها|برامجه:academy]] للدراسات العليا."),
    # ---- agreement
    ("agreement", False, ALL, "[[وقعت|وقع:committee]] {committee} و{intl} {date} مذكرة تفاهم لتعزيز التعاون في منع الاتجار بالأشخاص وحماية الضحايا."),
    ("agreement", False, ALL, "وقعت {state} و{src} {date} اتفاقية لتنظيم استقدام العمالة المنزلية تتضمن بنودا لحماية العاملات من الاستغلال."),
    ("agreement", False, ALL, "توقيع مذكرة تفاهم بين {labour} و{intl} بشأن حماية العمال المهاجرين {date}"),
    ("agreement", False, ALL, "تم {date} توقيع إعلان نوايا بين {justice} و{intl} لتطوير قدرات الجهات الوطنية في مكافحة الاتجار بالبشر."),
    ("agreement", False, ALL, "[[أبرمت|أبرم:ppo]] {ppo} في {state} اتفاقية تعاون مع نظيرتها في {src} في عام {year} لتبادل المعلومات في قضايا تهريب المهاجرين."),
    ("agreement", False, ALL, "[[وقعت|وقع:moi]] {moi} مع سفارة {src} {date} مذكرة تفاهم بشأن إعادة العمال المتضررين إلى بلدهم."),
    ("agreement", False, ALL, "جرى {date} التوقيع على اتفاق شراكة بين {hrb} و{intl} لتقديم الدعم الفني لآليات الإحالة الوطنية."),
    ("agreement", False, ALL, "{state} و{src} توقعان مذكرة تفاهم لمكافحة الاتجار بالبشر وتبادل المعلومات عن مكاتب الاستقدام المخالفة في {year}"),
    # ---- strategy
    ("strategy", False, ALL, "اعتمد مجلس الوزراء في {state} {date} الاستراتيجية الوطنية لمكافحة الاتجار بالأشخاص للفترة {period}."),
    ("strategy", False, ALL, "[[أطلقت|أطلق:committee]] {committee} {date} خطة العمل الوطنية {period} التي تضم {n_measures} موزعة على الجهات المعنية."),
    ("strategy", False, ALL, "إطلاق الخطة الوطنية لمكافحة الاتجار بالبشر {period} في {state} {date}"),
    ("strategy", False, ALL, "[[اعتمدت|اعتمد:committee]] {committee} في اجتماعها {date} الإجراءات الموحدة لآلية الإحالة الوطنية لضحايا الاتجار."),
    ("strategy", False, ALL, "[[أطلقت|أطلق:labour]] {labour} في عام {year} برنامجا وطنيا لحماية أجور العمالة المنزلية عبر التحويل البنكي الإلزامي."),
    ("strategy", False, ALL, "تبنت {state} في {year} خطة وطنية لمعالجة ظاهرة العمالة السائبة والاتجار بالإقامات تمتد حتى {next_year}."),
    ("strategy", False, ALL, "اعتماد الخطة التنفيذية للاستراتيجية الوطنية لمكافحة الاتجار بالأشخاص من قبل {committee} {date}."),
    ("strategy", False, ALL, "[[دشنت|دشن:moi]] {moi} {date} خطة أمنية شاملة لمكافحة تهريب المهاجرين عبر المنافذ البرية والبحرية للفترة {period}."),
    # ---- training
    ("training", False, ALL, "[[نظمت|نظم:intl]] {intl} بالتعاون مع {moi} {date} دورة تدريبية لمدة {n_days} حول مؤشرات الاتجار بالبشر استهدفت {n_officers}."),
    ("training", False, ALL, "[[عقدت|عقد:academy]] {academy} {date} ورشة عمل لأعضاء {ppo} عن التحقيق في قضايا الاتجار بالأشخاص."),
    ("training", False, ALL, "ورشة عمل لـ{n_participants} من موظفي {labour} حول رصد حالات العمل الجبري {date}"),
    ("training", False, ALL, "اختتمت {date} في {city} الدورة التدريبية التي [[نظمتها|نظمها:committee]] {committee} لموظفي المنافذ عن التعرف على ضحايا الاتجار."),
    ("training", False, ALL, "[[نظمت|نظم:hrb]] {hrb} {date} برنامجا تدريبيا للإعلاميين حول التغطية المهنية لقضايا الاتجار بالبشر بمشاركة {n_participants}."),
    ("training", False, ALL, "تم {date} تدريب {n_officers} من منتسبي {moi} على أساليب مقابلة الضحايا بالتعاون مع {intl}."),
    ("training", False, ALL, "انطلاق الدبلوم المهني في مكافحة الاتجار بالأشخاص في {academy} بمشاركة {n_participants} {date}"),
    ("training", False, ALL, "[[عقدت|عقد:mofa]] {mofa} {date} ورشة عمل تدريبية لأعضاء {committee} حول إعداد التقارير الدولية بالتعاون مع {intl}."),
    ("training", False, ALL, "شارك {n_employees} من {social} في برنامج تدريبي عن إدارة مراكز الإيواء ورعاية الضحايا أقيم {date}."),
    # ---- meeting
    ("meeting", False, ALL, "[[عقدت|عقد:committee]] {committee} {date} اجتماعها الدوري برئاسة وزير العدل لمتابعة تنفيذ خطة العمل الوطنية."),
    ("meeting", False, ALL, "استضافت {capital} {date} أعمال المؤتمر الإقليمي لمكافحة الاتجار بالبشر بمشاركة وفود من دول مجلس التعاون."),
    ("meeting", False, ALL, "استقبل وزير الخارجية في {state} {date} المدير الإقليمي لـ{intl} وبحث معه التعاون في مكافحة تهريب المهاجرين."),
    ("meeting", False, ALL, "شارك وفد {state} {date} في أعمال الدورة السنوية للجنة منع الجريمة والعدالة الجنائية في فيينا."),
    ("meeting", False, ALL, "اجتماع تنسيقي بين {moi} و{labour} لبحث بلاغات العمالة المنزلية {date}"),
    ("meeting", False, ALL, "زار وفد من {intl} {date} {shelter} في {state} واطلع على الخدمات المقدمة للنزيلات."),
    ("meeting", False, ALL, "انعقد {date} في {city} المنتدى الخليجي لمكافحة الاتجار بالأشخاص بمشاركة رؤساء اللجان الوطنية."),
    ("meeting", False, ALL, "[[نظمت|نظم:mofa]] {mofa} {date} فعالية جانبية على هامش اجتماعات مجلس حقوق الإنسان في جنيف عن جهود {state} في مكافحة الاتجار بالبشر."),
    ("meeting", False, ALL, "عقدت في مقر الأمانة العامة لمجلس التعاون {date} الاجتماع السنوي لرؤساء اللجان الوطنية الخليجية لمكافحة الاتجار بالأشخاص."),
    # ---- awareness
    ("awareness", False, ALL, "[[أطلقت|أطلق:committee]] {committee} {date} حملة توعوية بعدة لغات لتعريف العمالة الوافدة بحقوقها وطرق الإبلاغ عن الاستغلال."),
    ("awareness", False, ALL, "احتفلت {state} في 30 يوليو {year} باليوم العالمي لمكافحة الاتجار بالأشخاص بفعاليات توعوية في {city}."),
    ("awareness", False, ALL, "{labour} تطلق حملة لتوعية أصحاب العمل بحقوق العمالة المنزلية {date}"),
    ("awareness", False, ALL, "[[نظمت|نظم:hrb]] {hrb} {date} ندوة توعوية لطلبة الجامعات عن مخاطر الاتجار بالبشر وأساليب استدراج الضحايا."),
    ("awareness", False, ALL, "[[وزعت|وزع:moi]] {moi} {date} مطويات توعوية على المسافرين في {port} تتضمن أرقام الخط الساخن."),
    ("awareness", False, ALL, "إحياء اليوم العالمي لمكافحة الاتجار بالأشخاص في {state} عام {year} بحملة على وسائل التواصل الاجتماعي."),
    ("awareness", False, ALL, "[[نفذت|نفذ:labour]] {labour} {date} حملة ميدانية للتوعية بحقوق العمال في المناطق الصناعية بـ{city}."),
    ("awareness", False, ALL, "أطلقت {state} في {year} حملة إعلامية وطنية للتحذير من إعلانات العمل الوهمية المنشورة على الإنترنت."),
    # ---- enforcement
    ("enforcement", False, ALL, "[[ضبطت|ضبط:moi]] {moi} {n_accused} بتهمة الاتجار بالإقامات عبر {n_companies} وهمية {date}، [[وأحالتهم|وأحالهم:moi]] إلى {ppo}."),
    ("enforcement", False, ALL, "{moi}: ضبط {n_accused} بالاتجار بالإقامات في {city}"),
    ("enforcement", False, ALL, "قضت {court} {date} بحبس صاحب شركة {n_years} وتغريمه {fine} لإدانته بالاتجار بالبشر واستغلال {n_workers}."),
    ("enforcement", False, ALL, "[[أحالت|أحال:ppo]] {ppo} {n_accused} إلى المحاكمة {date} في قضية استغلال {n_women} في الدعارة بعد استدراجهن بعروض عمل وهمية."),
    ("enforcement", False, ALL, "القبض على كفيل احتجز عاملته المنزلية في {city} وحرمها من أجرها لأشهر {date}"),
    ("enforcement", False, ALL, "أحبطت السلطات الأمنية في {port} {date} محاولة تهريب {n_infiltrators} وأوقفت {n_accused} من المهربين."),
    ("enforcement", False, ALL, "[[أيدت|أيد:court]] {court} {date} حكما بسجن {n_accused} في قضية شبكة لتهريب المهاجرين وإبعادهم بعد تنفيذ العقوبة."),
    ("enforcement", False, ALL, "داهمت قوة أمنية {date} سكنا للعمال في {city} وضبطت متهمين بتشغيل {n_workers} قسرا دون أجور، وتمت إحالتهم إلى جهات التحقيق."),
    ("enforcement", False, ALL, "[[أمرت|أمر:ppo]] {ppo} {date} بحبس صاحب مكتب استقدام {n_days} على ذمة التحقيق بتهمة بيع عاملات منزليات عبر الإنترنت."),
    ("enforcement", False, ALL, "إحالة {n_companies} إلى {ppo} لتورطها في استقدام {n_workers} دون توفير عمل لهم وتحصيل {price} من كل منهم {date}."),
    # ---- victim_support
    ("victim_support", False, ALL, "[[استقبلت|استقبل:shelter]] {shelter} خلال عام {year} ما مجموعه {n_maids} [[وأنهت|وأنهى:shelter]] إجراءات سفر أغلبهن إلى بلدانهن."),
    ("victim_support", False, ALL, "[[أعادت|أعاد:labour]] {labour} {n_maids} من نزيلات {shelter} إلى {src} على نفقة الدولة {date}."),
    ("victim_support", False, ALL, "إيواء {n_victims} حررتهم الشرطة من سكن مكتظ في {city} وتقديم الرعاية الطبية لهم {date}"),
    ("victim_support", False, ALL, "تلقى الخط الساخن التابع لـ{labour} {n_calls} خلال عام {year}، أحيل منها {n_complaints} إلى الجهات المختصة."),
    ("victim_support", False, ALL, "[[قدمت|قدم:committee]] {committee} {date} المساعدة القانونية والترجمة لـ{n_victims} في القضايا المنظورة أمام المحاكم."),
    ("victim_support", False, ALL, "تم {date} إنقاذ {n_women} من شقة في {city} كن محتجزات فيها، ونقلهن إلى {shelter}."),
    ("victim_support", False, ALL, "صرف مستحقات {n_workers} من ضحايا الشركات الوهمية وتحويل إقاماتهم إلى أصحاب عمل جدد {date}"),
    ("victim_support", False, ALL, "أمّنت {state} بالتنسيق مع {intl} {date} عودة {n_victims} من ضحايا الاتجار بالبشر إلى بلدانهم بشكل آمن."),
    # ---- report
    ("report", False, ALL, "صنف تقرير الخارجية الأمريكية السنوي للاتجار بالأشخاص لعام {year} {state} ضمن {tier}."),
    ("report", False, ALL, "التقرير الأمريكي للاتجار بالبشر {year}: {state} في {tier}"),
    ("report", False, ALL, "[[أصدرت|أصدر:committee]] {committee} {date} تقريرها السنوي لعام {prev_year} الذي رصد {n_cases} أحيلت إلى القضاء."),
    ("report", False, ALL, "أطلق مكتب الأمم المتحدة المعني بالمخدرات والجريمة في {month} {year} التقرير العالمي للاتجار بالأشخاص متضمنا بيانات عن دول الخليج."),
    ("report", False, ALL, "[[قدمت|قدم:mofa]] {mofa} {date} تقرير {state} الوطني إلى آلية الاستعراض الدوري الشامل متضمنا جهود مكافحة الاتجار بالأشخاص."),
    ("report", False, ALL, "[[نشرت|نشر:hrb]] {hrb} {date} [[تقريرها|تقريره:hrb]] عن أوضاع العمالة المنزلية في {state} متضمنا توصيات بشأن منع الاستغلال."),
    ("report", False, ALL, "أبقى تقرير الاتجار بالأشخاص الصادر عن وزارة الخارجية الأمريكية في يونيو {year} {state} في {tier}."),
    ("report", False, ALL, "عرض رئيس {committee} على مجلس الوزراء {date} التقرير الوطني لعام {prev_year} بشأن مكافحة الاتجار بالبشر."),
    # ---- none: plans, future, hypotheticals (planned=True)
    ("none", True, ALL, "[[تعتزم|يعتزم:committee]] {committee} عقد ورشة عمل إقليمية حول تهريب المهاجرين خلال {month} المقبل."),
    ("none", True, ALL, "من المقرر أن يعتمد مجلس الوزراء في {state} الاستراتيجية الوطنية الجديدة لمكافحة الاتجار بالبشر في {next_year}."),
    ("none", True, ALL, "[[تسعى|يسعى:labour]] {labour} إلى إنشاء منصة إلكترونية لرصد مؤشرات العمل الجبري خلال العام المقبل."),
    ("none", True, ALL, "[[ستطلق|سيطلق:moi]] {moi} حملة تفتيشية موسعة على الشركات الوهمية بعد انتهاء المهلة الممنوحة لتسوية الأوضاع."),
    ("none", True, ALL, "دعا المشاركون في الندوة التي استضافتها {city} إلى تبني استراتيجية خليجية موحدة لمكافحة الاتجار بالأشخاص."),
    ("none", True, ALL, "[[تخطط|يخطط:academy]] {academy} لتدريب {n_officers} على آليات التعرف على الضحايا بحلول عام {next_year}."),
    ("none", True, ALL, "تنوي {state} توقيع مذكرة تفاهم مع {src} لتنظيم استقدام العمالة قبل نهاية العام الجاري."),
    ("none", True, ALL, "من المنتظر أن يناقش {parl} تعديلات {law} في دور الانعقاد المقبل."),
    ("none", True, ALL, "التخطيط لعقد مؤتمر دولي عن حقوق العمالة المنزلية في {city} خلال {next_year}"),
    ("none", True, ALL, "[[طالبت|طالب:hrb]] {hrb} بإنشاء صندوق وطني لتعويض ضحايا الاتجار بالبشر وتوفير المساعدة القانونية المجانية لهم."),
    ("none", True, ALL, "[[ستعقد|سيعقد:committee]] {committee} اجتماعا استثنائيا الأسبوع المقبل لمناقشة توصيات التقرير الدولي الأخير."),
    ("none", True, ALL, "يتوقع أن [[تصدر|يصدر:court]] {court} حكمها في قضية الاتجار بالإقامات المنظورة أمامها خلال الشهر المقبل."),
    # ---- none: statements, praise, background, definitions, statistics (planned=False)
    ("none", False, ALL, "أكد وزير الداخلية في {state} أن الأجهزة الأمنية لن تتهاون مع كل من يستغل حاجة العمال أو يتاجر بتأشيرات العمل."),
    ("none", False, ALL, "[[أشادت|أشاد:intl]] {intl} بالتزام {state} بتطوير منظومتها الوطنية لمكافحة الاتجار بالأشخاص."),
    ("none", False, ALL, "شدد رئيس {committee} على أهمية التنسيق بين الجهات المعنية لتطوير آليات عمل اللجنة."),
    ("none", False, ALL, "يعاقب {tip_law} بالسجن مدة قد تصل إلى {n_years} كل من ارتكب جريمة الاتجار بالأشخاص."),
    ("none", False, ALL, "يقدر عدد العمالة المنزلية في {state} بمئات الآلاف غالبيتهم من {src} ودول آسيوية أخرى."),
    ("none", False, ALL, "بلغت نسبة العمالة الوافدة في القطاع الخاص في {state} نحو {pct} في المئة من إجمالي العاملين وفق آخر الإحصاءات."),
    ("none", False, ALL, "وأوضح المسؤول في {labour} أن أهمية التدريب المستمر تكمن في تمكين المفتشين من رصد مؤشرات الاستغلال مبكرا."),
    ("none", False, ALL, "تتولى {committee} وضع السياسات العامة لمنع الاتجار بالبشر ومتابعة تنفيذ التزامات {state} الدولية."),
    ("none", False, ALL, "[[نفت|نفى:moi]] {moi} صحة ما تداولته حسابات في مواقع التواصل عن ضبط شبكة للاتجار بالبشر في {city}."),
    ("none", False, ALL, "لم [[توقع|يوقع:labour]] {labour} حتى الآن أي اتفاقية جديدة مع {src} رغم جولات التفاوض المتعددة."),
    ("none", False, ALL, "أعرب سفير {src} لدى {state} عن تقديره لما تقدمه السلطات من رعاية لرعايا بلاده."),
    ("none", False, ALL, "ويعرف {tip_law} تهريب المهاجرين بأنه تدبير الدخول غير المشروع لشخص إلى {state} أو عبرها مقابل منفعة مالية أو مادية."),
    ("none", False, ALL, "[[ضبطت|ضبط:moi]] {moi} {n_accused} بحوزتهم كميات من المواد المخدرة في {city} {date} [[وأحالتهم|وأحالهم:moi]] إلى جهات الاختصاص."),
    ("none", False, ALL, "ضبط {n_workers} من مخالفي قانون الإقامة والعمل في حملة أمنية على {city} {date}"),
    ("none", False, ALL, "قال مسؤول في {shelter} إن مرافق الإيواء تضم عيادة طبية وقسما للإرشاد النفسي ومكتبا لممثلي السفارات."),
    ("none", False, ALL, "ويشغل رئيس {committee} أيضا منصب وكيل {justice} منذ عام {year}."),
    ("none", False, ALL, "وأشار إلى أن {state} تستقبل سنويا آلاف العمال من {src} للعمل في قطاعات البناء والخدمات."),
    ("none", False, ALL, "تصادف ذكرى اليوم العالمي لمكافحة الاتجار بالأشخاص الثلاثين من يوليو من كل عام."),
]


def validate_row(row, where):
    if row.get("label") not in LABELS:
        raise SystemExit(f"{where}: bad label {row.get('label')!r}")
    if row.get("style") not in STYLES:
        raise SystemExit(f"{where}: bad style {row.get('style')!r}")
    if not isinstance(row.get("planned"), bool):
        raise SystemExit(f"{where}: planned must be a boolean")
    if row["planned"] and row["label"] != "none":
        raise SystemExit(f"{where}: planned rows must have label 'none'")
    if not row.get("text") or "{" in row["text"] or "[[" in row["text"]:
        raise SystemExit(f"{where}: empty text or unfilled slot: {row.get('text')!r}")
    if not row.get("group"):
        raise SystemExit(f"{where}: missing group")


def main():
    rows, seen = [], set()
    with open(HANDWRITTEN, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            row = {"text": r["text"], "label": r["label"], "planned": r["planned"],
                   "style": r["style"], "group": r["group"]}
            validate_row(row, f"{HANDWRITTEN}:{n}")
            if row["text"] in seen:
                raise SystemExit(f"{HANDWRITTEN}:{n}: duplicate text")
            seen.add(row["text"])
            rows.append(row)
    if len({t for _, _, _, t in TEMPLATES}) != len(TEMPLATES):
        raise SystemExit("duplicate template")
    rng = random.Random(SEED)
    for i, (label, planned, allowed, tmpl) in enumerate(TEMPLATES, 1):
        group = f"t{i:03d}"
        made, tries = 0, 0
        while made < PER_TEMPLATE and tries < 200:
            tries += 1
            cc = weighted_country(rng, allowed)
            text = fill(tmpl, rng, cc)
            if text in seen:
                continue
            seen.add(text)
            row = {"text": text, "label": label, "planned": planned,
                   "style": rng.choice(COUNTRIES[cc]["styles"]), "group": group}
            validate_row(row, f"template {group}")
            rows.append(row)
            made += 1
    with open(OUT, "w", encoding="utf-8") as fo:
        for r in rows:
            fo.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    c = Counter(r["label"] for r in rows)
    print(f"wrote {len(rows)} rows to {os.path.relpath(OUT)} "
          f"({sum(1 for r in rows if r['group'].startswith('h'))} hand-written, "
          f"{len(TEMPLATES)} templates)")
    for k in LABELS:
        print(f"  {k:15s} {c[k]}")
    print(f"  planned         {sum(r['planned'] for r in rows)}")


if __name__ == "__main__":
    main()
