"""Agency kinds of the tenth round (issue 9): Gulf and UN bodies the gazetteer lacked, and
name forms of bodies it had (a singular shelter, an old department name)."""
import pytest
from conftest import agency_pairs as agencies


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
