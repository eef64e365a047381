"""Writes the old-site fixture pages (tests/sites/old/*.htm) in windows-1256.

The old site's pages are stored as windows-1256 bytes, as such sites serve them; this
script is their readable source. Edit the text here, then run
    .venv/bin/python tests/sites/make_old_site.py
Characters windows-1256 lacks (Arabic-Indic digits) become numeric entities (&#1635;),
as old Arabic sites wrote them. _server.json and robots.txt are edited by hand.
"""

import pathlib

OUT = pathlib.Path(__file__).parent / "old"
HEAD = """<html dir="rtl">
<head>
{meta}<title>صوت الخليج - {title}</title>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="780" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="2" bgcolor="#003366"><font color="white" size="6"><b>صوت الخليج</b></font> &nbsp; <font color="white" size="2">الأحد 23 نوفمبر 2026</font></td></tr>
<tr><td colspan="2" bgcolor="#DDDDDD"><font size="2"><a href="index.htm">الرئيسية</a> | <a href="index.htm">محليات</a> | <a href="index.htm">برلمان</a> | <a href="index.htm">اقتصاد</a> | <a href="index.htm">الأرشيف</a></font></td></tr>
<tr>
<td width="160" valign="top" bgcolor="#EEEEEE"><font size="2">
<b>الأقسام</b><br><a href="index.htm">محليات</a><br><a href="index.htm">عربي ودولي</a><br><a href="index.htm">مقالات الرأي</a><br><br>
<b>إعلان</b><br><img src="ads/banner1.gif" width="150" height="200"><br>مساحة إعلانية للإيجار
</font></td>
<td width="620" valign="top">
"""
FOOT = """</td></tr>
<tr><td colspan="2" align="center" bgcolor="#003366"><font size="1" color="white">جميع الحقوق محفوظة لجريدة صوت الخليج © 2025 — تصميم وتطوير قسم الحاسب الآلي</font></td></tr>
</table>
</body>
</html>
"""
ARTICLE = """<table width="100%" cellpadding="4" cellspacing="0">
<tr><td class="title"><font size="5" color="#990000"><b>{title}</b></font></td></tr>
<tr><td class="date"><font size="2" color="gray">{date}</font></td></tr>
<tr><td class="tools"><font size="2"><a href="#">أرسل لصديق</a> | <a href="#">طباعة</a> | شارك: <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></font></td></tr>
<tr><td class="text"><font size="3">
{body}
</font></td></tr>
<tr><td class="also"><b>اقرأ أيضا:</b><br>
<a href="show.asp?id=2002">الشؤون تغلق دار إيواء مخالفة للشروط</a><br>
<a href="show.asp?id=2004">دراسة: عاملات المنازل أكثر الفئات عرضة للاستغلال</a></td></tr>
<tr><td class="comments"><b>تعليقات القراء (1)</b>
<table width="100%" bgcolor="#F5F5F5"><tr><td><font size="2"><b>خالد:</b> الله يعينهم، والمطلوب محاسبة كل من يتاجر بحاجة الناس. — 1 أغسطس 2025</font></td></tr></table>
<a href="#">أضف تعليقك</a></td></tr>
</table>
"""
def page(name, title, body, meta=""):
    """Write one page: the site's table layout around `body`."""
    text = HEAD.format(title=title, meta=meta) + body + FOOT
    (OUT / name).write_bytes(text.encode("cp1256", errors="xmlcharrefreplace"))

def article(name, title, date, paragraphs, meta=""):
    """Write one article: headline, date line, share row, <br><br> paragraphs, boilerplate."""
    body = "<br><br>\n".join(paragraphs)
    page(name, title, ARTICLE.format(title=title, date=date, body=body), meta)
article("articles/2001.htm", "القبض على مكتب استقدام وهمي في الفروانية", "الخميس 31 يوليو 2025", [
 "ألقت الأجهزة الأمنية القبض على صاحب مكتب استقدام وهمي في منطقة الفروانية، بعد أن تلقت شكاوى من عشرات العمال الآسيويين الذين دفعوا مبالغ كبيرة مقابل وعود بعقود عمل لم تتحقق.",
 "وذكر مصدر أمني أن المتهم كان يستقبل العمال في شقة سكنية حوّلها إلى مكتب، ويسلمهم عقوداً مزورة تحمل أختام شركات لا وجود لها، ثم يختفي بعد تحصيل المبالغ.",
 "وأشار المصدر إلى أن التحقيقات ما زالت جارية لتحديد شركاء المتهم داخل البلاد وخارجها، وأن عدد الضحايا المسجلين حتى الآن تجاوز أربعين عاملاً."])
article("articles/2002.htm", "الشؤون تغلق دار إيواء مخالفة للشروط", "٣٠ يوليو ٢٠٢٥", [
 "أغلقت وزارة الشؤون الاجتماعية داراً خاصة لإيواء العاملات بعد أن كشفت جولة تفتيشية أن الدار تستضيف أعداداً تفوق طاقتها وتفتقر إلى أبسط شروط السلامة.",
 "وقالت الوزارة إن المقيمات في الدار نُقلن إلى مركز الإيواء الحكومي، وإن إدارة الدار ستحال إلى التحقيق لاحتجازها جوازات سفر عدد من العاملات دون سند قانوني.",
 "وأكدت الوزارة أنها ستكثف جولاتها على دور الإيواء الخاصة خلال الأشهر المقبلة، وستنشر قائمة بالدور المرخصة ليتمكن العمال من التمييز بينها وبين غير المرخصة."])
article("articles/2003.htm", "مطالبات نيابية بتشديد عقوبات تجارة الإقامات", "28/7/2025", [
 "طالب عدد من النواب بتعديل قانون الإقامة لتشديد العقوبات على المتاجرين بالإقامات، معتبرين أن الغرامات الحالية لا تردع الشركات التي تستقدم عمالاً دون حاجة فعلية إليهم.",
 "وقدم النواب اقتراحاً بقانون يرفع عقوبة الحبس إلى عشر سنوات ويحرم الشركة المخالفة من الاستقدام مدة خمس سنوات، مع إلزامها بتذاكر عودة العمال المتضررين.",
 "ومن المتوقع أن تناقش لجنة الشؤون التشريعية الاقتراح في أول اجتماعاتها بعد العطلة البرلمانية."],
 meta='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n')
article("articles/2004.htm", "دراسة: عاملات المنازل أكثر الفئات عرضة للاستغلال", "الأحد 27 تموز 2025", [
 "خلصت دراسة ميدانية أعدها باحثون في جامعة خليجية إلى أن عاملات المنازل يواجهن أعلى مخاطر الاستغلال بين فئات العمالة الوافدة، بسبب عملهن داخل البيوت بعيداً عن رقابة مفتشي العمل.",
 "وشملت الدراسة مقابلات مع ثلاثمئة عاملة، قالت أكثر من ثلثهن إن أصحاب العمل احتفظوا بجوازات سفرهن، وأفادت نسبة مماثلة بأنهن لم يحصلن على يوم راحة أسبوعي.",
 "ودعا الباحثون إلى إخضاع عقود العمالة المنزلية لتسجيل إلكتروني إلزامي، وإنشاء آلية شكاوى تتيح للعاملات التواصل مع الجهات المختصة بلغاتهن."])
article("articles/2005.htm", "الكويت تستضيف ورشة إقليمية عن مكافحة الاتجار بالبشر", "السبت 26 يوليو 2025", [
 "الكويت - 26 - 7 (كونا) -- انطلقت في الكويت اليوم السبت أعمال ورشة عمل إقليمية حول مكافحة الاتجار بالبشر يشارك فيها مسؤولون من وزارات الداخلية والعدل والشؤون الاجتماعية في دول مجلس التعاون الخليجي.",
 "وتناقش الورشة على مدى ثلاثة أيام سبل التعرف المبكر على الضحايا في المنافذ الحدودية، وتدريب المحققين على التعامل مع الشهود من العمالة الوافدة.",
 "وقال مسؤول في اللجنة الوطنية لمكافحة الاتجار بالأشخاص إن الورشة تأتي ضمن خطة تدريبية تستهدف مئتي موظف من الجهات المعنية قبل نهاية العام. (النهاية)"])
article("articles/2009.htm", "عاجل: انقطاع الكهرباء عن مبنى الوزارة", "الخميس 31 يوليو 2025", [
 "انقطع التيار الكهربائي صباح اليوم عن مبنى الوزارة، والتفاصيل لاحقاً."])
LIST = """<table width="100%" cellpadding="4">
<tr><td><font size="4" color="#990000"><b>آخر الأخبار</b></font></td></tr>
{rows}
<tr><td align="center"><font size="2">{nav}</font></td></tr>
</table>
"""
def row(href, title, teaser):
    return f'<tr><td><a href="{href}"><b>{title}</b></a><br><font size="2">{teaser}</font></td></tr>'
page("index.htm", "الصفحة الرئيسية", LIST.format(rows="\n".join([
 row("show.asp?id=2001", "القبض على مكتب استقدام وهمي في الفروانية", "شكاوى عشرات العمال تقود إلى صاحب المكتب"),
 row("show.asp?id=2002&utm_source=facebook&utm_campaign=share", "الشؤون تغلق دار إيواء مخالفة للشروط", "جولة تفتيشية تكشف تجاوزات"),
 row("show.asp?id=2005", "الكويت تستضيف ورشة إقليمية عن مكافحة الاتجار بالبشر", "ورشة تمتد ثلاثة أيام"),
 row("show.asp?id=2009", "عاجل: انقطاع الكهرباء عن مبنى الوزارة", ""),
 row("show.asp?id=2001&print=1", "نسخة للطباعة: القبض على مكتب استقدام وهمي", ""),
]), nav='<a href="index.htm?page=2">الصفحة التالية &gt;&gt;</a>'))
page("index-2.htm", "الأخبار - صفحة 2", LIST.format(rows="\n".join([
 row("archive.asp?id=2003", "مطالبات نيابية بتشديد عقوبات تجارة الإقامات", "اقتراح بقانون لرفع العقوبات"),
 row("show.asp?id=2004", "دراسة: عاملات المنازل أكثر الفئات عرضة للاستغلال", "مقابلات مع ثلاثمئة عاملة"),
]), nav='<a href="index.htm">&lt;&lt; الصفحة السابقة</a>'))
