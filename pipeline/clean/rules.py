"""The one registry of rule names: what every removal and rejection records, with a one-line description.

`removed_blocks.rule` in the archive holds one of these names, and a
rejected page's reason starts with one (`no_article: ...`, `spam: ...`).
Code names a rule by its constant here (`rules.OUTSIDE_CORE`), never by a
bare string; the README's rule list, `stats` and the Datasette metadata
read the descriptions; `markdown_table()` is the README's table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    description: str


RULES: dict[str, Rule] = {}


def _rule(name: str, description: str) -> str:
    """Register a rule; its name, for the module constant that code uses."""
    if name in RULES:
        raise ValueError(f"rule {name!r} registered twice")
    RULES[name] = Rule(name, description)
    return name


# HTML extraction (pipeline/extract.py): blocks dropped before the cleaner sees the page.
BOILERPLATE = _rule(
    "boilerplate",
    "an HTML block the extractor judged not to be the article: menus, sidebars, footers, teasers"
    " (the block model; trafilatura on pages the model keeps almost nothing of)",
)
COMMENT_THREAD = _rule("comment_thread", "readers' comments and replies: an HTML block under an element the page names as comments")
POPUP = _rule(
    "popup",
    "an HTML block in a dialog or pop-up box (a dialog element; class or id \"modal\" or \"popup\"):"
    " sign-up and subscription offers, log-in and search boxes, \"Republish this article\"",
)
# Text-dump reading (pipeline/dumps/layout.py): lines a tool added after the page.
LINK_LIST = _rule(
    "link_list",
    "a text browser's lines on the page's links: its list of them after the dump (lynx's and elinks' \"References\"),"
    " lynx's paragraph and elinks' lines on the page's link elements before it (\"#alternate\", \"Link: ... (alternate)\")",
)
TOOL_HEADER = _rule(
    "tool_header",
    "a scraping tool's header above the page (Jina Reader's \"URL Source:\", \"Published Time:\", \"Markdown Content:\";"
    " a web clipper's YAML front matter); the address, dates and author move into metadata",
)
# The article's extent.
OUTSIDE_CORE = _rule(
    "outside_core", "a block of a text dump outside the article's core (its densest run of prose) that the block model did not keep"
)
LOW_CONTENT = _rule("low_content", "a block of a text dump inside the article's core that the block model judged not to be article text")
RELATED_SECTION = _rule(
    "related_section", "a heading that ends the article (\"Related Posts\", \"See also\", \"Popular\") and everything after it"
)
COMMENTS_SECTION = _rule(
    "comments_section",
    "a comments heading (\"Leave a Reply\", \"12 Comments\", \"59 Comments on “<headline>”\", a comment form's \"Write a comment\", \"Добавить комментарий\", \"Yorum ekle\"), or a text dump's thread of comments with no heading (each a time stamp and a \"Reply\"), and everything after it",
)
SECTION_HEADING = _rule("section_heading", "a \"Related\"/\"Read also\" heading inside or above the article, removed alone")
DATED_LIST = _rule(
    "dated_list",
    "a text dump's list of other stories outside the article: three or more titles, each beside a date of its own (on a line of its own or the title's; the dates written alike, newest first)",
)
UNRELATED_TEASER = _rule("unrelated_teaser", "a run of teasers for other stories, judged by topical similarity to the article")
REPEATED = _rule("repeated", "a block of 20 characters or more that repeats the kept block before it, or of 80 or more that repeats any kept block above it")
TABLE_OF_CONTENTS = _rule(
    "table_of_contents", "a table of contents: three or more short lines that stand again, in order, as the headings of the sections below, and its label"
)
# Metadata lines, moved into the article's metadata.
BYLINE = _rule("byline", "a byline or credit line (\"By Jane Doe\"); the author moves into metadata")
DATELINE = _rule("dateline", "a line stating the publication date (the date moves into metadata), or the date of an update")
METADATA_LABEL = _rule("metadata_label", "a bare label such as \"Author\" or \"Date\" before its value")
# Page furniture.
AUTHOR_BIO = _rule("author_bio", "the author's bio at the article's end: their name alone, then a paragraph that opens with it")
PHOTO_CREDIT = _rule("photo_credit", "a photo credit (\"Photo: Reuters\", \"© AFP\", \"Getty Images / Name\", \"Source: statista.com\")")
PHOTO_CAPTION = _rule("photo_caption", "a photo caption that ends with its credit")
SOCIAL = _rule("social", "a share, follow or text-size bar, or a call to subscribe and its sign-up small print (\"Share on Facebook\", \"Follow us\", \"12 pt 14 pt 16 pt\", \"By signing up, you agree to ...\")")
READ_MORE = _rule("read_more", "a \"Read more\" / \"Read also: <title>\" link to another story, or to the post before or after (\"Older Post\", \"Next post: <title>\") and the heading over those links (\"Post navigation\")")
BREADCRUMB = _rule("breadcrumb", "a breadcrumb trail (\"Home > News > World\")")
SKIP_LINK = _rule("skip_link", "a link past the page's menus (\"Skip to main content\", \"Zum Inhalt springen\")")
COPYRIGHT = _rule("copyright", "a copyright line")
DISCLAIMER = _rule("disclaimer", "a legal or editorial disclaimer")
COMMENT_FORM = _rule("comment_form", "a comment form's fields and instructions (\"Cancel reply\", \"You must be logged in to post a comment.\"), or a form to report a typo")
POST_META = _rule("post_meta", "a post's meta line (\"Posted in ... Bookmark the permalink.\", \"Tags: ...\", \"1,234 views\", \"19.6.2007 9:40 Jane Doe 71 comments\")")
SYMBOLS = _rule("symbols", "a line of symbols only")
PLACEHOLDER = _rule("placeholder", "a placeholder that a script fills in when the page loads (\"Loading...\", \"Загрузка...\")")
PAYWALL = _rule("paywall", "a paywall or subscription notice")
ADVERTISING = _rule("advertising", "an advertising label or disclosure")
SERVER_ERROR = _rule("server_error", "an error message the site's server printed into the page (\"Warning: ... in /var/www/index.php on line 12\")")
BROWSER_NOTICE = _rule(
    "browser_notice", "a notice about the reader's browser (\"Your browser does not support the video tag\", \"Please enable JavaScript\")"
)
CONSENT_NOTICE = _rule(
    "consent_notice",
    "a cookie consent notice (\"We use cookies ...\", \"Cookie settings\") and the rest of its box,"
    " or a notice in place of content embedded from another site (\"External content\")",
)
# Spam.
SPAM = _rule("spam", "a block of injected spam (gambling, casino or pharmacy links); as a rejection, a page that is mostly spam")
INLINE_SPAM = _rule("inline_spam", "spam words or links cut out of a sentence that stays")
# Learned per site, at ingest.
SITE_MEMORY = _rule("site_memory", "a line this site prints on many of its archived pages (menus, footers, sign-offs)")
# Rejections of a whole page by the cleaner.
NO_ARTICLE = _rule("no_article", "a rejected page: no prose was found, or every block was removed")


def describe(name: str) -> str:
    """A rule's one-line description; an unknown name (an archive written by another release) is described as such."""
    rule = RULES.get(name)
    return rule.description if rule else f"a rule this release does not know ({name})"


def markdown_table() -> str:
    """The registry as the README's table: one row per rule, in registry order."""
    rows = ["| rule | what it removed |", "| --- | --- |"]
    rows += [f"| `{rule.name}` | {rule.description.replace('|', '&#124;')} |" for rule in RULES.values()]
    return "\n".join(rows)

