"""What markup says about a block: structural tags, and the kinds of words in class and id names.

Class and id names are read as words of a small fixed vocabulary of page
furniture and content ("nav", "footer", "comment", "related", "article",
"content"...), the words templates in every language use (a Russian or a
Korean site names its footer "footer" too).  No word of any page's text and
no site's name is in it; each word maps to one kind (a bit of `Mark`), and a
container carries the kinds of its own names and of its ancestors'.
"""

from __future__ import annotations

import re
from functools import lru_cache


class Mark:
    """Bits of a container's marks (plain ints: they are OR-ed per element, millions of times)."""

    # Structure, from tags and attributes.
    NAV = 1 << 0
    HEADER = 1 << 1
    FOOTER = 1 << 2
    ASIDE = 1 << 3
    ARTICLE = 1 << 4
    MAIN = 1 << 5
    FORM = 1 << 6
    LIST_ITEM = 1 << 7
    TABLE = 1 << 8
    FIGURE = 1 << 9
    QUOTE = 1 << 10
    HIDDEN = 1 << 11
    BUTTON = 1 << 12
    PRE = 1 << 13
    ADDRESS = 1 << 14
    # A dialog or pop-up box (<dialog>, class or id "modal" or "popup"): read
    # by a rule (pipeline.extract), not by the block model.  Not role=dialog:
    # shops open a product's description and size guide as such a "sheet".
    POPUP = 1 << 15
    # Words in class, id, role and itemprop.
    W_CONTENT = 1 << 16
    W_LEAD = 1 << 17
    W_TITLE = 1 << 18
    W_NAV = 1 << 19
    W_FOOTER = 1 << 20
    W_HEADER = 1 << 21
    W_SIDEBAR = 1 << 22
    W_RELATED = 1 << 23
    W_COMMENT = 1 << 24
    W_SHARE = 1 << 25
    W_AD = 1 << 26
    W_META = 1 << 27
    W_CAPTION = 1 << 28
    W_SUBSCRIBE = 1 << 29
    W_HIDDEN = 1 << 30
    W_AUTHOR = 1 << 31
    W_DATE = 1 << 32
    W_TAGS = 1 << 33
    W_CARD = 1 << 34
    W_BODY = 1 << 35


# Marks the block model does not read (it was trained without them): rules do.
_RULE_MARKS = frozenset({"POPUP"})
# Every mark the feature table reads, in a fixed order (feature names follow it).
MARK_NAMES = tuple(name for name in vars(Mark) if name.isupper() and name not in _RULE_MARKS)

# Block-level elements: each starts and ends a block.  <br> and <hr> only end one.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br button caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre
    section summary table tbody td tfoot th thead tr ul label""".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Elements whose content is never text a reader sees on the page, or not in
# its run of words: a ruby annotation's reading (<rt>, <rp>: the furigana
# over Japanese kanji, the pinyin over Chinese) would split every annotated
# word in two ("法律ほうりつ").
SKIP_TAGS = frozenset(
    """script style noscript template svg math iframe frame frameset object embed canvas video audio map
    select option optgroup textarea datalist title meta link base param source track rt rp""".split()
)
STRUCTURE_MARKS = {
    "nav": Mark.NAV,
    "header": Mark.HEADER,
    "footer": Mark.FOOTER,
    "aside": Mark.ASIDE,
    "article": Mark.ARTICLE,
    "main": Mark.MAIN,
    "form": Mark.FORM,
    "fieldset": Mark.FORM,
    "label": Mark.FORM,
    "li": Mark.LIST_ITEM,
    "dd": Mark.LIST_ITEM,
    "dt": Mark.LIST_ITEM,
    "table": Mark.TABLE,
    "figure": Mark.FIGURE,
    "figcaption": Mark.FIGURE,
    "blockquote": Mark.QUOTE,
    "button": Mark.BUTTON,
    "pre": Mark.PRE,
    "address": Mark.ADDRESS,
    "dialog": Mark.HIDDEN | Mark.POPUP,
}

_WORDS = {
    Mark.W_CONTENT: "article articles content contents entry story text prose richtext rte fulltext articlebody "
    "storybody postbody entrycontent postcontent articlecontent maincontent single detail details main copy",
    Mark.W_BODY: "body",
    Mark.W_LEAD: "lead leadin intro introtext standfirst summary excerpt deck subtitle subheadline subline "
    "abstract chapo kicker strapline",
    Mark.W_TITLE: "title headline heading",
    Mark.W_NAV: "nav navbar navigation menu menus submenu megamenu breadcrumb breadcrumbs crumbs pagination pager "
    "paging tabs toolbar skip dropdown hamburger topnav mainnav sitenav",
    Mark.W_FOOTER: "footer foot copyright legal imprint impressum colophon bottom disclaimer",
    Mark.W_HEADER: "header masthead banner branding logo topbar",
    Mark.W_SIDEBAR: "sidebar aside rail widget widgets sidebox secondary complementary",
    Mark.W_RELATED: "related recommended recommendations recommend more popular trending latest mostread "
    "teaser teasers outbrain taboola similar suggested further next prev previous also other others "
    "feed stream carousel slider",
    Mark.W_CARD: "card cards tile tiles grid list listing item items",
    Mark.W_COMMENT: "comment comments commentlist commentform reply replies respond disqus discussion "
    "reactions feedback discourse",
    Mark.W_SHARE: "share sharing social socials sharebar facebook twitter whatsapp pinterest linkedin telegram "
    "print follow likes",
    Mark.W_AD: "ad ads advert adverts advertisement advertising adsense adslot adunit sponsor sponsored promo "
    "promotion promoted commercial dfp billboard anzeige werbung affiliate",
    Mark.W_META: "meta metadata info byline dateline published posted",
    Mark.W_AUTHOR: "author authors writer contributor",
    Mark.W_DATE: "date time timestamp pubdate",
    Mark.W_TAGS: "tags tag category categories topics keywords label labels",
    Mark.W_CAPTION: "caption figcaption credit credits photo image img figure media gallery video player",
    Mark.W_SUBSCRIBE: "newsletter subscribe subscription signup paywall premium login register cookie cookies "
    "consent gdpr modal popup overlay dialog notice alert",
    Mark.W_HIDDEN: "hidden hide invisible sronly screenreader visuallyhidden offscreen",
    Mark.POPUP: "modal popup",
}
_WORD_MARK: dict[str, int] = {}
for _mark, _words in _WORDS.items():
    for _word in _words.split():
        _WORD_MARK[_word] = _WORD_MARK.get(_word, 0) | _mark
# role and itemprop values (schema.org, WAI-ARIA) say the same in a fixed vocabulary.
_ROLE_MARK = {
    "navigation": Mark.NAV,
    "banner": Mark.HEADER,
    "contentinfo": Mark.FOOTER,
    "complementary": Mark.ASIDE,
    "main": Mark.MAIN,
    "article": Mark.ARTICLE,
    "dialog": Mark.HIDDEN,
    "alertdialog": Mark.HIDDEN,
    "menu": Mark.NAV,
    "menubar": Mark.NAV,
    "search": Mark.NAV,
    "articlebody": Mark.W_CONTENT,
    "text": Mark.W_CONTENT,
    "headline": Mark.W_TITLE,
    "author": Mark.W_AUTHOR,
    "datepublished": Mark.W_DATE,
    "comment": Mark.W_COMMENT,
    "description": Mark.W_LEAD,
}

_SPLIT = re.compile(r"[^a-zA-Z]+|(?<=[a-z])(?=[A-Z])")
# A few words are written with a digit or joined in class names: "h1", "js-comments".


def words_of(name: str) -> list[str]:
    """The words of a class or id value: split on anything not a letter and on camelCase humps, lower-cased."""
    return [word.lower() for word in _SPLIT.split(name) if word]


@lru_cache(maxsize=1 << 16)
def marks_of(class_: str | None, id_: str | None, role: str | None = None, itemprop: str | None = None) -> int:
    """The Mark bits of an element's class, id, role and itemprop values (cached: templates repeat them across pages)."""
    value = 0
    for name in (class_, id_):
        if name:
            for word in words_of(name):
                value |= _WORD_MARK.get(word, 0)
                if word.endswith("s") and len(word) > 3:
                    value |= _WORD_MARK.get(word[:-1], 0)
    for name in (role, itemprop):
        if name:
            for word in name.lower().split():
                value |= _ROLE_MARK.get(word, 0)
    return value
