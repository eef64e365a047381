"""Agency bodies and forms of the fourteenth round (issue 9): Gulf bodies the gazetteer
lacked that several sets name (Kuwait's state domestic-labour company, Dubai's
prosecution team for trafficking cases, Bahrain's High Court of Appeal and ministries
prosecution, Kuwait's special forces, the Qatari shelter's full name, GAATW's "مناهضة"
form, the Arab migrants' rights network); sentences written for the tests."""
import pytest
from conftest import agency_pairs as agencies


@pytest.mark.parametrize("text,name,expected", [
    ("وتعاقدت شركة الدرة للعمالة المنزلية مع مكاتب في الفلبين.",
     "شركة الدرة للعمالة المنزلية", "kw-aldurra"),
    ("وأحيلت القضية إلى فريق التحقيق والتصرف في قضايا الاتجار بالبشر في دبي.",
     "فريق التحقيق والتصرف في قضايا الاتجار بالبشر", "ae-dubai-ppo-tip-team"),
    ("قضت المحكمة الكبرى الاستئنافية في المنامة بتأييد حكم حبس المتهمين.",
     "المحكمة الكبرى الاستئنافية", "bh-court-appeal"),
    ("وقال رئيس نيابة الوزارات والجهات العامة في البحرين إن التحقيق اكتمل.",
     "نيابة الوزارات والجهات العامة", "bh-ppo-ministries"),
    ("وشاركت الإدارة العامة لقوات الأمن الخاصة في حملة على مخالفي الإقامة في الكويت.",
     "الإدارة العامة لقوات الأمن الخاصة", "kw-moi-special-forces"),
    ("وزار الوفد نزيلات الدار القطرية للإيواء والرعاية الإنسانية في الدوحة.",
     "الدار القطرية للإيواء والرعاية الإنسانية", "qa-shelter"),
    ("وشارك في اللقاء التحالف العالمي لمناهضة الاتجار بالنساء ومنظمات أخرى.",
     "التحالف العالمي لمناهضة الاتجار بالنساء", "gaatw"),
    ("ودعت الشبكة العربية لحقوق المهاجرين إلى حماية العمال.",
     "الشبكة العربية لحقوق المهاجرين", "anmr"),
])
def test_gulf_bodies_the_sets_name_are_listed(any_nlp, text, name, expected):
    assert (name, expected) in agencies(any_nlp, text)
