"""Metadata of an HTML page: title, authors, date, site, canonical URL, description.

Read from what the page states about itself, in this order: JSON-LD (the
schema.org Article a publisher writes for search engines), then OpenGraph
and other <meta> tags, then the page's own elements (<h1> or <title>, a
<time> element in the article).  The publication date falls back to
htmldate (which reads the page's visible dates and its URL) only where
none of those gives one; a dateline in the text is read later, by the
cleaner, for pages that still have none.  Whatever the page does not state
stays None: nothing is guessed.

Also: the canonical URL as the page states it (<link rel=canonical>, then
og:url, then the URL the page was fetched from) and the <html lang>
declaration (`language_hint`, for library callers: the language stage reads
the language from the text alone, so a template's wrong declaration cannot
mislabel an article).
"""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from . import bylinewords
from .clean.byline import KOREAN_REPORTER
from .document import composed, unescaped, visible
from .html.dom import SCRIPT_OR_STYLE
from .html.marks import Mark

_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_LANG_TAG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")
AUTHOR_SEPARATOR = "; "
# Strings some sites put in author fields that name no one.
_NO_AUTHOR = frozenset({"admin", "administrator", "redaktion", "editor", "staff", "none", "null", "unknown", "anonymous"})
# An author value longer than this is a sentence or a bio, not a name.
MAX_AUTHOR_CHARS = 80

# Marks of the parts of a page that speak of other things than the article:
# an author or a date there is a commenter's or another story's.
NOT_THE_ARTICLE = Mark.W_COMMENT | Mark.W_RELATED | Mark.W_CARD | Mark.ASIDE | Mark.FOOTER
# Templates call many boxes "card", "item" or "list": the article's own
# author card (name, photo, bio), the box of its headline and dateline.  An
# author element, or a dateline near the headline, in such a box is still
# the article's; teasers after the article are found by other marks.
NOT_THE_ARTICLE_EXCEPT_CARDS = NOT_THE_ARTICLE & ~Mark.W_CARD
# schema.org types whose headline, author and datePublished are the page's.
ARTICLE_TYPES = frozenset(
    """article newsarticle blogposting reportagenews analysisnewsarticle opinionnewsarticle backgroundnewsarticle
    reviewnewsarticle askpublicnewsarticle liveblogposting scholarlyarticle techarticle report socialmediaposting
    discussionforumposting posting review recipe howto creativework webpage itempage""".split()
)
# Of those, the ones that describe the page as a whole, read after the articles.
_PAGE_TYPES = frozenset({"webpage", "itempage", "creativework"})

# <meta> names and properties, in order of trust.
TITLE_META = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title")
AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "citation_author", "og:article:author")
DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "published_time", "publish-date",
    "publishdate", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date",
    "parsely-pub-date", "article.published", "citation_publication_date", "citation_date", "og:published_time",
    "original-publish-date", "release_date",
)
SITE_META = ("og:site_name", "application-name", "twitter:site")
DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")


def page_metadata(page, fetched_url: str | None = None, html: str | None = None) -> dict:
    """Metadata keys for a Document from a parsed page (pipeline.html.dom.Page); `html`, its markup, for htmldate."""
    head = page.head
    meta = _first_meta(head.meta)
    ld = json_ld_article(head.json_ld)
    url = canonical_url(head, fetched_url)
    published = _published(page, ld.get("published") or _first(iso_date(meta.get(k)) for k in DATE_META), html, url)
    site = _first(clean_value(meta.get(k), strip="@") for k in SITE_META) or ld.get("site") or _hostname(url)
    result = {
        "title": without_site(_title(page, ld.get("title") or _first(clean_value(meta.get(k)) for k in TITLE_META)), site),
        "author": ld.get("author")
        or _first(clean_authors(meta.get(k)) for k in AUTHOR_META)
        or _author_element(page)
        or _byline_author(page)
        or ld.get("organisation_author"),
        "published": published,
        "site": site,
        "description": _first(clean_value(meta.get(k)) for k in DESCRIPTION_META) or ld.get("description"),
        "url": url,
    }
    hint = declared_language(head.lang)
    if hint:
        result["language_hint"] = hint
    return result


def _published(page, stated: str | None, html: str | None, url: str | None) -> str | None:
    """The date the metadata states, unless the page shows another one that htmldate reads too.

    Where the two disagree (a JSON-LD datePublished of the first draft, a
    page showing the date it was last updated), htmldate's reading of the
    page decides between them; where it sides with neither, the stated date
    stands.  Pages that state none get the date they show, else htmldate's.
    """
    shown = _time_element_date(page.head) or _dateline_date(page)
    if stated and shown and stated != shown:
        return shown if _htmldate(html, url) == shown else stated
    return stated or shown or _htmldate(html, url)


def _first(values):
    return next((v for v in values if v), None)


def _first_meta(pairs: list[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, content in pairs:
        if content.strip():
            found.setdefault(key, content)
    return found


def clean_value(value, strip: str = "") -> str | None:
    if value is None:
        return None
    value = _WS.sub(" ", visible(composed(unescaped(str(value))))).strip().lstrip(strip)
    return value or None


def clean_authors(value) -> str | None:
    """Authors joined by "; ", without placeholders ("admin"), links and repeats."""
    value = clean_value(value)
    if value is None:
        return None
    names: list[str] = []
    for name in re.split(r"\s*[;|]\s*", value):
        name = name.strip(" ,")
        if (
            name
            and name.lower() not in _NO_AUTHOR
            and name not in names
            and len(name) <= MAX_AUTHOR_CHARS
            and not name.startswith(("http://", "https://", "www.", "@"))
        ):
            names.append(name)
    return AUTHOR_SEPARATOR.join(names) or None


def iso_date(value) -> str | None:
    """An ISO 8601 calendar date (YYYY-MM-DD), or None when the value is not a real date."""
    value = clean_value(value)
    if value is None:
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


# --- JSON-LD -------------------------------------------------------------------


def json_ld_article(scripts: list[str]) -> dict:
    """title, author, published, site and description of the page's schema.org article (the first that has them)."""
    found: dict = {}
    candidates = []
    for script in scripts:
        try:
            data = json.loads(script, strict=False)
        except (ValueError, RecursionError):
            continue
        candidates.extend(_ld_objects(data))
    articles = [o for o in candidates if _ld_types(o) & (ARTICLE_TYPES - _PAGE_TYPES)]
    pages = [o for o in candidates if _ld_types(o) & _PAGE_TYPES]
    for obj in articles + pages:
        authors = obj.get("author") or obj.get("creator")
        # A site naming itself as the author says who published the page, not
        # who wrote it: the page's own byline is read before it.
        by_organisation = _ld_organisations_only(authors)
        for key, value in (
            ("title", clean_value(_ld_text(obj.get("headline")) or _ld_text(obj.get("name")))),
            ("organisation_author" if by_organisation else "author", _ld_authors(authors)),
            ("published", iso_date(_ld_text(obj.get("datePublished")) or _ld_text(obj.get("dateCreated")))),
            ("site", clean_value(_ld_name(obj.get("publisher")))),
            ("description", clean_value(_ld_text(obj.get("description")))),
        ):
            if value and key not in found:
                found[key] = value
    return found


def _ld_objects(data, depth: int = 0):
    """Every JSON object in a JSON-LD document (@graph and lists unrolled, a few levels deep)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _ld_objects(data[key], depth + 1)


def _ld_types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds if k}


def _ld_text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return value if isinstance(value, str) else None


def _ld_name(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    return value if isinstance(value, str) else None


def _ld_authors(value) -> str | None:
    items = value if isinstance(value, list) else [value]
    names = [_ld_name(item) for item in items]
    return clean_authors("; ".join(n for n in names if n))


def _ld_organisations_only(value) -> bool:
    items = value if isinstance(value, list) else [value]
    return all(isinstance(item, dict) and "organization" in _ld_types(item) for item in items)


# --- the page's own elements ---------------------------------------------------


def _title(page, stated: str | None) -> str | None:
    """The title the metadata states, without the site's name when the page's <h1> is that title alone; else the <h1>, else <title>."""
    h1 = next((clean_value(b.text) for b in page.blocks if b.heading_level == 1), None)
    if stated:
        if h1 and len(h1) < len(stated) and h1.casefold() in stated.casefold():
            return h1  # "Headline | Site" stated, "Headline" on the page
        return stated
    return h1 or clean_value(page.head.title)


# The separators between a title's parts ("Headline | Site", "Headline :: Site"), in a page's <title> and a dump's first line.
TITLE_SEPARATOR = re.compile(r"\s+[|–—·:»/~-]\s+|\s+::\s+|\s*\|\s*")
_WORDS = re.compile(r"\w+")


def without_site(title: str | None, site: str | None) -> str | None:
    """The title without a last part that is the site's name ("Headline | The Site" -> "Headline")."""
    if not title or not site:
        return title
    name = _WORDS.findall(site.casefold())
    last = None
    for last in TITLE_SEPARATOR.finditer(title):
        pass
    if last is None or not name:
        return title
    if _WORDS.findall(title[last.end() :].casefold()) == name and _WORDS.findall(title[: last.start()]):
        return title[: last.start()].strip()
    return title


# "By Jane Doe", "Von Jane Doe", "Erstellt von Jane Doe", "Автор: Иван Петров": the words before a byline's name
# ("Article by", "Veröffentlicht am" alone leave too little to be a name).
_BYLINE_LABEL = re.compile(
    rf"^(?:(?:{bylinewords.BY_WORDS}|{bylinewords.AUTHOR_NOUNS}|{bylinewords.BY_NOUNS}|av|af|автора|작성자|기자|texto|published|"
    r"erstellt|veröffentlicht|artikel|authored|publié|publicado|pubblicato|опубликовано)\b[\s:՝|-]*)+",
    re.IGNORECASE,
)
# A byline element's text longer than this holds more than names (a bio, a date line).
MAX_BYLINE_CHARS = 60


def _byline_author(page) -> str | None:
    """The text of the first short element the page names as its author (class author/byline, itemprop author), outside comments and teasers."""
    for block in page.blocks:
        marks = page.marks[block.container]
        if not marks & Mark.W_AUTHOR or marks & NOT_THE_ARTICLE:
            continue
        name = _byline_name(block.text)
        if name:
            return name
    return None


def _author_element(page) -> str | None:
    """The text of the first short element the markup names as the author (an inline <span class=author-name>,
    <a rel=author>), outside comments and teasers."""
    elements = page.head.authors
    for i, (text, marks) in enumerate(elements):
        if marks & NOT_THE_ARTICLE_EXCEPT_CARDS:
            continue
        inner = next((other for other, _ in elements[i + 1 :] if other != text), "")
        if inner and len(inner) < len(text) and inner in text:
            continue  # "By Jane Doe, Science Editor" around "Jane Doe": the inner element is the name
        name = _byline_name(text)
        if name:
            return name
    return None


def _byline_name(text: str) -> str | None:
    """The names in a byline's text without its label ("By", "Von"), or None when the text holds more than names."""
    korean = KOREAN_REPORTER.search(text)
    if korean:  # "김민수 기자", "글·사진 김민수 기자": the name before the reporter's title
        return korean.group("name")
    text = _BYLINE_LABEL.sub("", text.strip()).strip(" ,|-–—·")
    if 2 < len(text) <= MAX_BYLINE_CHARS and not any(ch.isdigit() for ch in text):
        return clean_authors(text)
    return None


def _time_element_date(head) -> str | None:
    """The datetime of the first <time> element inside the article, or marked as the publication date."""
    for stamp, marks in head.times:
        if marks & (Mark.ARTICLE | Mark.W_DATE | Mark.W_META | Mark.MAIN) and not marks & NOT_THE_ARTICLE:
            found = iso_date(stamp)
            if found:
                return found
    return None


# Cut before htmldate runs; one left open runs to the end, as the parser reads it.
_SCRIPTS = re.compile(SCRIPT_OR_STYLE, re.DOTALL | re.IGNORECASE)
# The page's own dateline is looked for this many blocks around its headline.
DATELINE_BEFORE_HEADLINE = 5
DATELINE_AFTER_HEADLINE = 15
MAX_DATELINE_CHARS = 90


def _dateline_date(page) -> str | None:
    """A date stated in a short block near the headline ("12. März 2024, 14:05"), outside comments and teasers."""
    from .dates import parse_date

    blocks = page.blocks
    headline = next((i for i, b in enumerate(blocks) if b.heading_level == 1), None)
    if headline is None:
        return None
    # Marks the headline carries too are the template's, not another story's.
    elsewhere = NOT_THE_ARTICLE_EXCEPT_CARDS & ~page.marks[blocks[headline].container]
    for block in blocks[max(0, headline - DATELINE_BEFORE_HEADLINE) : headline + 1 + DATELINE_AFTER_HEADLINE]:
        if len(block.text) > MAX_DATELINE_CHARS or page.marks[block.container] & elsewhere:
            continue
        found = parse_date(block.text)
        if found:
            return found
    return None


def _htmldate(markup: str | None, url: str | None) -> str | None:
    """htmldate's reading of the page (a second parse, with lxml), for pages that state no date in their metadata."""
    from htmldate import find_date

    if not markup:
        return None
    try:
        # Scripts and styles hold no date htmldate would read that JSON-LD has
        # not given already; without them its parse is much shorter.  Its
        # quick search only: the extensive one (free-text dates, through
        # dateparser) made the whole pipeline ~1.6x slower (docs/html.md).
        return iso_date(find_date(_SCRIPTS.sub("", markup), extensive_search=False, original_date=True, url=url))
    except Exception:  # htmldate on a broken page: no date rather than no page
        return None


# --- URL, site, language -------------------------------------------------------


def canonical_url(head, fetched_url: str | None = None) -> str | None:
    """<link rel=canonical>, else og:url, else the fetched URL; relative links resolved against it."""
    if head is not None:
        og = _first_meta(head.meta).get("og:url")
        for href in (head.canonical, og):
            url = _absolute_url(clean_value(href), fetched_url)
            if url:
                return url
    return _absolute_url(clean_value(fetched_url))


def _absolute_url(url: str | None, base: str | None = None) -> str | None:
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host or None


def declared_language(value: str | None) -> str | None:
    """The <html lang> (or xml:lang) primary subtag, lower-cased: a hint, not a detection."""
    value = clean_value(value)
    if not value or not _LANG_TAG.match(value):
        return None
    return re.split(r"[-_]", value)[0].lower()
