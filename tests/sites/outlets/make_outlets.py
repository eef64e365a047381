"""Writes the three fixture outlets (tests/sites/outlets/<name>/) and their truth files.

Run `.venv/bin/python tests/sites/outlets/make_outlets.py` after editing a story in
`stories.py` or a layout here. Each outlet is given to the crawler only through a
sources.toml entry (see tests/test_crawl_outlets.py); `truth/<name>.json` lists every
article it must store (path, title, date, body) and nothing else.

  newspaper/  an old ASP.NET daily: windows-1256 bytes served as utf-8 or iso-8859-1,
              nested layout tables, <font>/<br> bodies in a <span>, no <p>, no metadata,
              dates written in Arabic (one Hijri only), most-read dates in the sidebar.
  agency/     a news agency: RSS with the last 3 items only (GMT dates, a day off from
              the page's own), sections with pagination and a tag page hold the rest;
              pages carry <time> in the header, a ticker, "last updated", most-read and
              related lists with other dates; robots.txt forbids /ar/print/.
  blog/       a WordPress-style site: sitemaps (posts, pages, categories, authors); its
              About/Contact/Privacy/gallery pages claim og:type=article; comments under
              posts; a 404 and a soft-404; robots.txt forbids /drafts/.
"""

from __future__ import annotations

import json
import pathlib
import shutil
from datetime import UTC, datetime, timedelta
from html import escape

from stories import AGENCY, BLOG, NEWSPAPER

HERE = pathlib.Path(__file__).parent
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
HIJRI_MONTHS = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
                "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]


def arabic_date(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    return f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def hijri_date(iso: str) -> str:
    from hijridate import Gregorian
    moment = datetime.fromisoformat(iso)
    hijri = Gregorian(moment.year, moment.month, moment.day).to_hijri()
    return f"{hijri.day} {HIJRI_MONTHS[hijri.month - 1]} {hijri.year} هـ"


def write(root: pathlib.Path, relative: str, text: str, encoding: str = "utf-8") -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding, errors="xmlcharrefreplace"))


def truth(name: str, rows: list[dict]) -> None:
    write(HERE / "truth", f"{name}.json", json.dumps(rows, ensure_ascii=False, indent=1) + "\n")


# ================================================================ newspaper (windows-1256)

NP_HEAD = """<html dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{title} :: جريدة الفجر الجديد</title></head>
<body bgcolor="#FFFFFF" topmargin="0">
<form name="aspnetForm" method="post" action="{action}" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY3NzA4NzY1Mg9kFgJmD2QWAgIDD2QWAgIBDxYCHgRUZXh0BTbYp9mE2YHYrNixINin2YTYrNiv2YrYrw==" />
</form>
<table width="990" border="0" cellpadding="0" cellspacing="0" align="center"><tr><td>
<table width="100%" cellpadding="0" cellspacing="0"><tr>
<td bgcolor="#7A0000" height="80"><font color="#FFFFFF" size="7" face="Simplified Arabic"><b>الفجر الجديد</b></font></td>
<td bgcolor="#7A0000" align="left"><font color="#FFFFFF" size="2">السبت 6 ديسمبر 2026 - العدد 9921</font></td>
</tr></table>
<table width="100%" bgcolor="#DDDDDD"><tr><td><font size="2" face="Tahoma">
<a href="Default.aspx">الرئيسية</a> | <a href="Section.aspx?SecID=1">محليات</a> | <a href="Section.aspx?SecID=2">برلمان</a> | <a href="Section.aspx?SecID=3">قضايا</a> | <a href="Archive.aspx">الأرشيف</a> | <a href="Contact.aspx">اتصل بنا</a>
</font></td></tr></table>
<table width="100%" border="0" cellpadding="3" cellspacing="0"><tr>
<td width="200" valign="top" bgcolor="#F3F3F3">
<table width="100%"><tr><td bgcolor="#7A0000"><font color="white"><b>الأكثر قراءة</b></font></td></tr>
<tr><td><font size="2"><a href="NewsDetails.aspx?NewsID=2987">وزير الصحة يتفقد مستشفى الجهراء الجديد ويعد بافتتاحه قريبا</a><br><font color="gray">الأحد 12 يناير 2025</font><br><br>
<a href="NewsDetails.aspx?NewsID=2990">ارتفاع أسعار الخضراوات في الأسواق المركزية بعد موجة الحر</a><br><font color="gray">الخميس 16 يناير 2025</font><br><br>
<a href="NewsDetails.aspx?NewsID=2995">منتخب الناشئين يتأهل إلى نهائي البطولة الخليجية لكرة اليد</a><br><font color="gray">20/1/2025</font></font></td></tr></table>
<br><table width="100%"><tr><td bgcolor="#7A0000"><font color="white"><b>استفتاء</b></font></td></tr>
<tr><td><font size="2">هل تؤيد تمديد ساعات عمل الجمعيات التعاونية خلال الصيف؟<br>نعم<br>لا<br>لا أدري</font></td></tr></table>
</td>
<td valign="top">
"""
NP_FOOT = """</td>
<td width="160" valign="top"><font size="1">إعلان</font><br><img src="banners/bank.gif" width="150" height="400"></td>
</tr></table>
<table width="100%" bgcolor="#7A0000"><tr><td align="center"><font color="white" size="1">جميع الحقوق محفوظة لجريدة الفجر الجديد 2025 © - تصميم وتطوير إدارة نظم المعلومات</font></td></tr></table>
</td></tr></table></body></html>
"""
NP_ARTICLE = """<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td>
<table width="100%" cellpadding="6" cellspacing="0" style="border:1px solid #ccc"><tr><td>
<font face="Simplified Arabic" size="5" color="#7A0000"><b><span id="ctl00_cphMain_lblTitle">{title}</span></b></font><br>
<font size="2" color="#555555"><span id="ctl00_cphMain_lblDate">{dateline}</span></font><br>
<font size="2"><a href="SendToFriend.aspx?id={key}">أرسل لصديق</a> | <a href="javascript:window.print()">طباعة</a> | <a href="#">فيسبوك</a> <a href="#">تويتر</a></font>
<hr size="1">
<font face="Simplified Arabic" size="4"><span id="ctl00_cphMain_lblBody">{body}</span></font>
</td></tr></table>
</td></tr>
<tr><td><br><table width="100%" bgcolor="#F7F7F7"><tr><td><b>تعليقات الزوار</b></td></tr>
<tr><td><font size="2"><b>أبو سالم</b> - الخميس 7 أغسطس 2025<br>كلام جميل لكن المهم التطبيق على أرض الواقع ومحاسبة كل من يستغل حاجة العمال البسطاء في هذا البلد الطيب الذي لا يرضى بالظلم.</font></td></tr>
<tr><td><font size="2"><b>مواطن غيور</b> - الجمعة 8 أغسطس 2025<br>نتمنى أن تستمر هذه الجهود وألا تكون حملة مؤقتة تنتهي بعد أيام كما حدث في السنوات الماضية مع حملات مشابهة.</font></td></tr>
<tr><td><a href="AddComment.aspx?id={key}">أضف تعليقك</a></td></tr></table></td></tr>
</table>
"""


def np_listing(items: list[tuple], next_href: str | None) -> str:
    rows = "".join(f'<tr><td><font size="3"><b><a href="NewsDetails.aspx?NewsID={key}">{escape(title)}</a></b></font>'
                   f'<br><font size="1" color="gray">{arabic_date(date)}</font></td></tr>\n'
                   for key, title, date, _ in items)
    more = f'<tr><td align="center"><a href="{next_href}">الصفحة التالية</a></td></tr>' if next_href else ""
    return f'<table width="100%" cellpadding="4">{rows}{more}</table>\n'


def make_newspaper() -> None:
    root = HERE / "newspaper"
    shutil.rmtree(root, ignore_errors=True)
    routes, types, rows = {}, {}, []
    for number, (key, title, date, paragraphs) in enumerate(NEWSPAPER):
        dateline = hijri_date(date) if key == "3107" else f"{arabic_date(date)} - {hijri_date(date)}"
        body = "<br><br>\n".join(paragraphs)
        if number % 3 == 1:  # the lead in bold in its own row, as some editions did
            body = f"<b>{paragraphs[0]}</b><br><br>\n" + "<br><br>\n".join(paragraphs[1:])
        page = NP_HEAD.format(title=title, action=f"NewsDetails.aspx?NewsID={key}") + \
            NP_ARTICLE.format(title=title, dateline=dateline, body=body, key=key) + NP_FOOT
        write(root, f"news/{key}.htm", page, "cp1256")
        route = f"/NewsDetails.aspx?NewsID={key}"
        routes[route] = f"news/{key}.htm"
        types[route] = "text/html; charset=utf-8" if number % 2 else "text/html; charset=iso-8859-1"
        rows.append({"path": route, "title": title, "published": date[:10], "text": "\n".join(paragraphs)})
    home = NP_HEAD.format(title="الرئيسية", action="Default.aspx") + \
        np_listing(NEWSPAPER[:4], "Default.aspx?page=2") + NP_FOOT
    page2 = NP_HEAD.format(title="الرئيسية", action="Default.aspx") + np_listing(NEWSPAPER[4:], None) + NP_FOOT
    contact = NP_HEAD.format(title="اتصل بنا", action="Contact.aspx") + \
        "<font size=3>للتواصل مع التحرير: هاتف 22445566 - فاكس 22445567 - ص.ب 1234 الصفاة</font>" + NP_FOOT
    write(root, "home.htm", home, "cp1256")
    write(root, "home-2.htm", page2, "cp1256")
    write(root, "contact.htm", contact, "cp1256")
    routes.update({"/Default.aspx": "home.htm", "/": "home.htm", "/Default.aspx?page=2": "home-2.htm",
                   "/Contact.aspx": "contact.htm", "/Section.aspx?SecID=1": "home-2.htm"})
    for route in ("/Default.aspx", "/", "/Default.aspx?page=2", "/Contact.aspx", "/Section.aspx?SecID=1"):
        types[route] = "text/html"
    write(root, "robots.txt", "User-agent: *\nDisallow: /Admin/\nDisallow: /SendToFriend.aspx\n")
    write(root, "_server.json", json.dumps({"routes": routes, "content_types": types},
                                          ensure_ascii=False, indent=1))
    truth("newspaper", rows)


# ================================================================ agency (UTF-8, dates everywhere)

AG_HEAD = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | وكالة أنباء الساحل</title>
<meta property="og:site_name" content="وكالة أنباء الساحل">
{meta}
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
</head><body>
<header class="masthead"><a href="/ar/">وكالة أنباء الساحل</a>
<nav class="sections"><a href="/ar/">الرئيسية</a> <a href="/ar/section/local">محليات</a> <a href="/ar/section/gulf">خليجيات</a> <a href="/ar/tag/trafficking">الاتجار بالبشر</a> <a href="/ar/about">عن الوكالة</a></nav></header>
<div class="news-ticker"><span>عاجل</span>
<a href="/ar/news/2025/08/09/10240">الأرصاد: رياح نشطة مثيرة للغبار على المناطق المكشوفة</a> <time datetime="2025-08-09T07:10:00+03:00">9 أغسطس 2025</time>
<a href="/ar/news/2025/08/08/10239">البورصة تغلق على ارتفاع طفيف في تعاملات الأسبوع</a> <time datetime="2025-08-08T13:00:00+03:00">8 أغسطس 2025</time>
</div>
"""
AG_SIDE = """<aside class="most-read"><h3>الأكثر قراءة</h3><ol>
<li><a href="/ar/news/2025/07/12/10101">افتتاح مهرجان الصيف للأطفال في المركز الثقافي</a> <time datetime="2025-07-12T18:00:00+03:00">12 يوليو 2025</time></li>
<li><a href="/ar/news/2025/07/15/10120">ارتفاع أعداد المسافرين عبر المطار في عطلة الصيف</a> <time datetime="2025-07-15T10:00:00+03:00">15 يوليو 2025</time></li>
</ol></aside>
"""
AG_FOOT = """<footer class="site-footer">© 2025 وكالة أنباء الساحل. جميع الحقوق محفوظة. <a href="/ar/contact">اتصل بنا</a></footer>
</body></html>
"""


def ag_url(key: str, date: str) -> str:
    return f"/ar/news/{date[:4]}/{date[5:7]}/{date[8:10]}/{key}"


def ag_article(number: int, key: str, title: str, date: str, paragraphs: list[str]) -> str:
    """Eight article shapes: JSON-LD (with dateModified), article:published_time, a bare
    header <time>, a header <time> with a later "updated" <time>, or only the dateline."""
    updated = (datetime.fromisoformat(date) + timedelta(days=1, hours=2)).isoformat()
    meta, header_time = "", f'<time class="published" datetime="{date}">{arabic_date(date)}</time>'
    if number % 4 == 0:
        meta = ('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "datePublished": date, "dateModified": "2025-08-09T09:00:00+03:00",
            "publisher": {"@type": "Organization", "name": "وكالة أنباء الساحل"}},
            ensure_ascii=False) + "</script>\n<meta property=\"og:type\" content=\"article\">")
    elif number % 4 == 1:
        meta = (f'<meta property="og:type" content="article">\n'
                f'<meta property="article:published_time" content="{date}">\n'
                f'<meta property="article:modified_time" content="{updated}">')
    elif number % 4 == 3:
        header_time = ""  # only the dateline in the first paragraph gives the date
    update_line = (f'<span class="updated">آخر تحديث: <time datetime="{updated}">'
                   f'{arabic_date(updated)}</time></span>') if number % 2 else ""
    others = [story for story in AGENCY if story[0] != key][:3]
    related = "".join(f'<li><a href="{ag_url(k, d)}">{escape(t)}</a> <time datetime="{d}">{arabic_date(d)}</time></li>'
                      for k, t, d, _ in others)
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (AG_HEAD.format(title=escape(title), meta=meta) +
            f"""<main><article class="story">
<header class="story-header"><h1>{escape(title)}</h1>
<div class="byline">وكالة أنباء الساحل {header_time} {update_line}</div></header>
<div class="story-body">
{body}
</div>
<div class="share-tools"><a href="#">شارك</a> <a href="/ar/print/{key}">طباعة</a></div>
<section class="related-news"><h3>أخبار ذات صلة</h3><ul>{related}</ul></section>
</article></main>
""" + AG_SIDE + AG_FOOT)


def ag_listing(title: str, items: list[tuple], next_href: str | None) -> str:
    rows = "".join(f'<li class="item"><a href="{ag_url(k, d)}">{escape(t)}</a> '
                   f'<time datetime="{d}">{arabic_date(d)}</time></li>\n' for k, t, d, _ in items)
    more = f'<a class="next" rel="next" href="{next_href}">التالي</a>' if next_href else ""
    return AG_HEAD.format(title=title, meta="") + \
        f'<main><h1>{title}</h1><ul class="listing">{rows}</ul>{more}</main>\n' + AG_SIDE + AG_FOOT


def rfc822_utc(iso: str) -> str:
    moment = datetime.fromisoformat(iso).astimezone(UTC)
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


def make_agency() -> None:
    root = HERE / "agency"
    shutil.rmtree(root, ignore_errors=True)
    routes, rows = {}, []
    for number, (key, title, date, paragraphs) in enumerate(AGENCY):
        if number % 4 == 3:  # no <time> on these: the dateline opens the story
            paragraphs = [f"الكويت، {arabic_date(date)} (وكالة الساحل) – {paragraphs[0]}", *paragraphs[1:]]
        write(root, f"pages/{key}.html", ag_article(number, key, title, date, paragraphs))
        routes[ag_url(key, date)] = f"pages/{key}.html"
        rows.append({"path": ag_url(key, date), "title": title, "published": date[:10],
                     "text": "\n".join(paragraphs)})
    items = "".join(f"<item><title>{escape(t)}</title><link>{{{{BASE}}}}{ag_url(k, d)}</link>"
                    f"<pubDate>{rfc822_utc(d)}</pubDate></item>\n" for k, t, d, _ in AGENCY[:3])
    write(root, "rss.xml", '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
          f"<title>وكالة أنباء الساحل</title>\n{items}</channel></rss>\n")
    local, gulf = [AGENCY[i] for i in (0, 1, 3, 4, 6)], [AGENCY[i] for i in (2, 5)]
    pages = {"home.html": ag_listing("الرئيسية", AGENCY[:3], None),
             "local-1.html": ag_listing("محليات", local[:2], "/ar/section/local?page=2"),
             "local-2.html": ag_listing("محليات", local[2:4], "/ar/section/local?page=3"),
             "local-3.html": ag_listing("محليات", local[4:], None),
             "gulf.html": ag_listing("خليجيات", gulf, None),
             "tag.html": ag_listing("الاتجار بالبشر", [AGENCY[7], AGENCY[4]], None).replace(
                 '</ul>', '<li><a href="/ar/news/2025/08/07/10235">خبر محجوب عن الزواحف</a></li></ul>'),
             "about.html": AG_HEAD.format(title="عن الوكالة", meta='<meta property="og:type" content="article">')
             + "<main><h1>عن الوكالة</h1><p>وكالة أنباء الساحل وكالة إخبارية مستقلة تأسست لتغطية أخبار "
               "المنطقة على مدار الساعة، ويعمل فيها مراسلون في عواصم الخليج العربي كافة، وتوزع "
               "خدماتها على الصحف والإذاعات والمواقع الإخبارية بموجب اشتراكات سنوية.</p></main>" + AG_FOOT}
    for name, text in pages.items():
        write(root, name, text)
    routes.update({"/ar/": "home.html", "/ar": "home.html", "/": "home.html",
                   "/ar/section/local": "local-1.html", "/ar/section/local?page=2": "local-2.html",
                   "/ar/section/local?page=3": "local-3.html", "/ar/section/gulf": "gulf.html",
                   "/ar/tag/trafficking": "tag.html", "/ar/about": "about.html"})
    write(root, "robots.txt", "User-agent: *\nDisallow: /ar/print/\nDisallow: /ar/search\n"
          "Disallow: /ar/news/2025/08/07/\n")
    write(root, "_server.json", json.dumps({"routes": routes, "default_content_type": {
        ".html": "text/html; charset=utf-8", ".xml": "application/rss+xml"}}, indent=1))
    truth("agency", rows)


# ================================================================ blog (WordPress-style)

WP_HEAD = """<!DOCTYPE html>
<html dir="rtl" lang="ar"><head><meta charset="UTF-8">
<title>{title} &#8211; مرصد الهجرة والعمل</title>
<meta property="og:locale" content="ar_AR">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="مرصد الهجرة والعمل">
{meta}
</head><body class="{body_class}">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">مرصد الهجرة والعمل</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li><a href="/">الرئيسية</a></li><li><a href="/category/local/">محليات</a></li>
<li><a href="/about-us/">من نحن</a></li><li><a href="/contact-us/">اتصل بنا</a></li>
<li><a href="/gallery/world-day-2025/">معرض الصور</a></li></ul></nav></header>
<div id="content" class="site-content">
"""
WP_SIDEBAR = """<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">
<h2 class="widget-title">أحدث المقالات</h2><ul>{recent}</ul></section>
<section class="widget widget_tag_cloud"><h2 class="widget-title">وسوم</h2>
<a href="/tag/domestic-work/">العمالة المنزلية</a> <a href="/tag/courts/">المحاكم</a></section></aside>
"""
WP_FOOT = """</div><footer id="colophon" class="site-footer"><div class="site-info">جميع الحقوق محفوظة © 2025 مرصد الهجرة والعمل | <a href="/privacy-policy/">سياسة الخصوصية</a></div></footer>
</body></html>
"""


def wp_meta(date: str, title: str, page: bool = False) -> str:
    if page:  # Yoast on a WordPress page: og:type article, a modified time, no published time
        return ('<meta property="article:modified_time" content="2025-06-01T10:00:00+00:00">\n'
                '<script type="application/ld+json">{"@context":"https://schema.org","@graph":'
                '[{"@type":"WebPage","name":"' + title + '"}]}</script>')
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": title, "datePublished": date},
        {"@type": "Article", "headline": title, "datePublished": date,
         "dateModified": "2025-08-10T08:00:00+03:00", "author": {"@type": "Person", "name": "فريق المرصد"}},
        {"@type": "BreadcrumbList", "itemListElement": []}]}
    return (f'<meta property="article:published_time" content="{date}">\n'
            '<script type="application/ld+json">' + json.dumps(graph, ensure_ascii=False) + "</script>")


def wp_recent() -> str:
    return "".join(f'<li><a href="/{slug}/">{escape(title)}</a></li>' for slug, title, _, _ in BLOG[:5])


def wp_post(slug: str, title: str, date: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (WP_HEAD.format(title=escape(title), meta=wp_meta(date, title), body_class="post-template-default single")
            + f"""<main id="main" class="site-main"><article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{escape(title)}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{date}">{arabic_date(date)}</time><time class="updated" datetime="2025-08-10T08:00:00+03:00">10 أغسطس 2025</time></span>
<span class="byline">بواسطة <a href="/author/admin/">فريق المرصد</a></span></div></header>
<div class="entry-content">
{body}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">شارك هذا:</h3><a href="#">تويتر</a> <a href="#">فيسبوك</a></div>
</div>
<footer class="entry-footer"><span class="cat-links">نشرت في <a href="/category/local/">محليات</a></span></footer>
</article>
<div class="jp-relatedposts"><h3>مقالات ذات صلة</h3><a href="/{BLOG[0][0]}/">{escape(BLOG[0][1])}</a></div>
<div id="comments" class="comments-area"><h2 class="comments-title">تعليقان على &#8220;{escape(title)}&#8221;</h2>
<ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">ناصر</b> <time datetime="2025-08-11T09:00:00+03:00">11 أغسطس 2025</time></footer>
<div class="comment-content"><p>خطوة ممتازة ونأمل أن تطبق على الجميع دون استثناء، فقد عانى كثير من العمال من التأخير والمماطلة طوال السنوات الماضية.</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">أم خالد</b></footer>
<div class="comment-content"><p>هل يشمل هذا القرار العقود القديمة أم الجديدة فقط؟ أرجو التوضيح من المختصين لأن الأمر يهم كثيراً من الأسر.</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">أضف تعليقاً</h3><form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea></form></div></div>
</main>
""" + WP_SIDEBAR.format(recent=wp_recent()) + WP_FOOT)


def wp_page(title: str, content: str, body_class: str = "page-template-default page") -> str:
    return (WP_HEAD.format(title=title, meta=wp_meta("", title, page=True), body_class=body_class)
            + f'<main id="main" class="site-main"><article class="page type-page status-publish">'
              f'<header class="entry-header"><h1 class="entry-title">{title}</h1></header>'
              f'<div class="entry-content">{content}</div></article></main>\n'
            + WP_SIDEBAR.format(recent=wp_recent()) + WP_FOOT)


def wp_listing(title: str, items: list[tuple], body_class: str = "archive category") -> str:
    rows = "".join(f'<article class="post"><h2 class="entry-title"><a href="/{s}/">{escape(t)}</a></h2>'
                   f'<time datetime="{d}">{arabic_date(d)}</time><p>{escape(p[0][:90])}…</p></article>\n'
                   for s, t, d, p in items)
    return (WP_HEAD.format(title=title, meta="", body_class=body_class)
            + f'<main id="main" class="site-main"><h1 class="page-title">{title}</h1>{rows}</main>'
            + WP_SIDEBAR.format(recent=wp_recent()) + WP_FOOT)


def sitemap(urls: list[str]) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "".join(f"<url><loc>{{{{BASE}}}}{url}</loc></url>\n" for url in urls) + "</urlset>\n")


ABOUT = ("<p>مرصد الهجرة والعمل مبادرة مستقلة يديرها فريق من الباحثين والصحافيين المهتمين بقضايا العمالة "
         "الوافدة في منطقة الخليج، ونسعى إلى توثيق التشريعات والأحكام القضائية والمبادرات الحكومية المتعلقة "
         "بحقوق العمال وتقديمها للقراء بلغة واضحة.</p><p>تأسس المرصد عام 2019، ويعتمد في عمله على المصادر "
         "الرسمية والتقارير المنشورة والمقابلات الميدانية، ويرحب بمساهمات الباحثين والمتطوعين الراغبين في "
         "الكتابة عن قضايا الهجرة والعمل في المنطقة.</p>")
PRIVACY = ("<p>نحترم خصوصية زوار الموقع، ولا نجمع من البيانات إلا ما يلزم لتشغيل الموقع وتحسينه، مثل عنوان "
           "الإنترنت ونوع المتصفح والصفحات التي تمت زيارتها، ولا نشارك هذه البيانات مع أي طرف ثالث لأغراض "
           "تجارية.</p><p>يستخدم الموقع ملفات تعريف الارتباط لحفظ تفضيلات الزائر، ويمكن تعطيلها من إعدادات "
           "المتصفح، كما يحق لأي زائر أن يطلب حذف بياناته أو تعليقاته بمراسلتنا عبر صفحة الاتصال.</p>")
CONTACT = ('<p>يسعدنا تواصلكم معنا عبر النموذج أدناه أو البريد الإلكتروني.</p><form class="wpcf7-form">'
           '<label>الاسم</label><input name="your-name"><label>البريد</label><input name="your-email">'
           '<textarea name="your-message"></textarea><input type="submit" value="إرسال"></form>'
           "<p>العنوان: شارع الخليج العربي، مدينة الكويت</p>")
GALLERY = "".join(f'<figure class="wp-block-image"><img src="/wp-content/uploads/2025/07/p{n}.jpg">'
                  f"<figcaption>صورة من الفعالية رقم {n}</figcaption></figure>" for n in range(1, 9))


def make_blog() -> None:
    root = HERE / "blog"
    shutil.rmtree(root, ignore_errors=True)
    rows = []
    for slug, title, date, paragraphs in BLOG:
        write(root, f"{slug}/index.html", wp_post(slug, title, date, paragraphs))
        rows.append({"path": f"/{slug}/", "title": title, "published": date[:10],
                     "text": "\n".join(paragraphs)})
    draft = ("2025/08/05/draft-under-review", "مسودة: تقرير لم ينشر بعد عن أوضاع العمال",
             "2025-08-05T10:00:00+03:00", BLOG[0][3])
    write(root, "drafts/report/index.html", wp_post(*draft))
    write(root, "index.html", wp_listing("مرصد الهجرة والعمل", BLOG[:6], "home blog")
          .replace("</main>", '<a class="next page-numbers" href="/page/2/">التالي</a>'
                   '<a href="/2025/08/99/missing-story/">خبر محذوف</a></main>'))
    write(root, "page/2/index.html", wp_listing("مرصد الهجرة والعمل - الصفحة 2", BLOG[6:], "home blog paged"))
    write(root, "about-us/index.html", wp_page("من نحن", ABOUT))
    write(root, "contact-us/index.html", wp_page("اتصل بنا", CONTACT))
    write(root, "privacy-policy/index.html", wp_page("سياسة الخصوصية", PRIVACY))
    write(root, "gallery/world-day-2025/index.html", wp_page("معرض صور اليوم العالمي", GALLERY))
    write(root, "category/local/index.html", wp_listing("الأرشيف: محليات", BLOG[:4]))
    write(root, "tag/domestic-work/index.html", wp_listing("الوسم: العمالة المنزلية", BLOG[::3], "archive tag"))
    write(root, "author/admin/index.html", wp_listing("الكاتب: فريق المرصد", BLOG[2:5], "archive author"))
    write(root, "2025/08/09/old-link/index.html", wp_page("عذراً، الصفحة غير موجودة",
          "<p>يبدو أن الرابط الذي تبحث عنه غير موجود. جرّب البحث.</p>", "error404"))
    posts = [f"/{slug}/" for slug, _, _, _ in BLOG] + ["/drafts/report/"]
    write(root, "wp-sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
          + "".join(f"<sitemap><loc>{{{{BASE}}}}/wp-sitemap-{name}.xml</loc></sitemap>\n"
                    for name in ("posts-post-1", "posts-page-1", "taxonomies-category-1", "users-1"))
          + "</sitemapindex>\n")
    write(root, "wp-sitemap-posts-post-1.xml", sitemap(posts))
    write(root, "wp-sitemap-posts-page-1.xml", sitemap(["/about-us/", "/contact-us/", "/privacy-policy/",
                                                        "/gallery/world-day-2025/", "/2025/08/09/old-link/"]))
    write(root, "wp-sitemap-taxonomies-category-1.xml", sitemap(["/category/local/", "/tag/domestic-work/"]))
    write(root, "wp-sitemap-users-1.xml", sitemap(["/author/admin/"]))
    write(root, "robots.txt", "User-agent: *\nDisallow: /wp-admin/\nDisallow: /drafts/\n\n"
          "Sitemap: {{BASE}}/wp-sitemap.xml\n")
    write(root, "_server.json", json.dumps({"default_content_type": {".html": "text/html; charset=UTF-8"}}))
    truth("blog", rows)


if __name__ == "__main__":
    make_newspaper()
    make_agency()
    make_blog()
