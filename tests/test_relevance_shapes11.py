"""The verdict of the served relevance model (models/relevance.pkl) on articles in the shapes
of the on-topic real articles it turned away (issue 9, eleventh round): one arrest of a person
for carrying or sheltering border violators (migrant smuggling), a ring selling work permits
to workers abroad, a labour memorandum meant to shield workers from trading in their visas;
and the near misses that share their words (the weekly round-up with its count of those who
carried violators, a border guard catching a smuggler of khat). Every text here is written
for this test; none is in the training data."""
import pytest

from nlp.extract import RELEVANCE_THRESHOLD, relevance

RELEVANT = {
    "one arrest for carrying border violators": (
        "أعلنت شرطة منطقة الباحة القبض على مواطن لنقله ستة مخالفين لنظام أمن الحدود من "
        "الجنسية الإثيوبية في مركبته، وأوقف وأحيل إلى النيابة العامة، فيما سلم المخالفون "
        "إلى جهة الاختصاص. وأكدت الشرطة أن من ينقل المتسللين أو يؤويهم يعاقب بالسجن "
        "والغرامة ومصادرة المركبة."),
    "a ring selling work permits": (
        "أوقفت وزارة الداخلية بالتنسيق مع الهيئة العامة للقوى العاملة خمسة أشخاص بينهم "
        "موظف، استغلوا ملفات شركات قائمة لاستخراج أذونات عمل باعوها لعمال في الخارج بمبالغ "
        "وصلت إلى ألف دينار للعامل الواحد، وأدخلوا بها نحو 150 عاملا. وأحيل المتهمون إلى "
        "النيابة العامة."),
    "a labour memorandum against visa trading": (
        "وقعت الكويت ودولة آسيوية مذكرة تفاهم في مجال العمالة، قال وزير العمل عقب توقيعها "
        "إنها تمنع المتاجرة بتأشيرات العمال وتحظر تقاضي رسوم استقدام منهم، وتضمن لهم عقدا "
        "مكتوبا بلغتهم، على أن تجتمع لجنة مشتركة مرة كل عام لمتابعة تطبيقها."),
}

NEAR_MISSES = {
    "the weekly round-up of violators": (
        "أسفرت الحملات الميدانية المشتركة خلال أسبوع في مناطق المملكة عن ضبط 16 ألف مخالف "
        "لأنظمة الإقامة والعمل وأمن الحدود، وضبط 12 متورطا في نقل وإيواء وتشغيل المخالفين "
        "والتستر عليهم، فيما رحل تسعة آلاف مخالف. وأكدت الوزارة أن من يسهل دخول المخالفين "
        "أو ينقلهم أو يؤويهم يعرض نفسه للعقوبة."),
    "a border guard catching a khat smuggler": (
        "قبضت دوريات حرس الحدود في قطاع العارضة على مقيم لنقله 150 كيلوغراما من القات في "
        "مركبته، وأحيل مع المضبوطات إلى جهة الاختصاص، وحثت المديرية على الإبلاغ عن أنشطة "
        "تهريب المخدرات."),
}


@pytest.mark.parametrize("text", RELEVANT.values(), ids=RELEVANT.keys())
def test_on_topic_articles_in_the_shapes_once_turned_away_are_relevant(text):
    relevant, score = relevance(text)
    assert relevant and score >= RELEVANCE_THRESHOLD


@pytest.mark.parametrize("text", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_their_near_misses_stay_out(text):
    relevant, score = relevance(text)
    assert not relevant and score < RELEVANCE_THRESHOLD
