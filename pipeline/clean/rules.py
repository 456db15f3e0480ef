"""The one registry of rule names: what every removal and rejection records, with a one-line description.

`removed_blocks.rule` in the archive holds one of these names; the README's
rule list, `stats` and the Datasette metadata read their descriptions from
here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    description: str


_RULES = (
    # HTML extraction (pipeline/extract.py): blocks dropped before the cleaner sees the page.
    Rule("boilerplate", "an HTML block the extractor judged not to be the article: menus, sidebars, footers, teasers (the block model; trafilatura on pages the model keeps almost nothing of)"),
    Rule("comment_thread", "readers' comments and replies: an HTML block under an element the page names as comments"),
    # The article's extent.
    Rule("outside_core", "not part of the article's core, the densest run of prose on the page"),
    Rule("low_content", "a line inside the core that the line model judged not to be article text"),
    Rule("related_section", "a heading that ends the article (\"Related Posts\", \"See also\", \"Popular\") and everything after it"),
    Rule("comments_section", "a comments heading (\"Leave a Reply\", \"12 Comments\") and everything after it"),
    Rule("section_heading", "a \"Related\"/\"Read also\" heading inside or above the article, removed alone"),
    Rule("unrelated_teaser", "a run of teasers for other stories, judged by topical similarity to the article"),
    Rule("repeated", "a block of 20 characters or more that repeats the kept block before it"),
    # Metadata lines, moved into the article's metadata.
    Rule("byline", "a byline or credit line (\"By Jane Doe\"); the author moves into metadata"),
    Rule("dateline", "a line stating the publication date; the date moves into metadata"),
    Rule("metadata_label", "a bare label such as \"Author\" or \"Date\" before its value"),
    # Page furniture.
    Rule("photo_credit", "a photo credit (\"Photo: Reuters\", \"© AFP\")"),
    Rule("photo_caption", "a photo caption that ends with its credit"),
    Rule("social", "a share or follow bar (\"Share on Facebook\", \"Follow us\")"),
    Rule("read_more", "a \"Read more\" / \"Read also: <title>\" link to another story"),
    Rule("breadcrumb", "a breadcrumb trail (\"Home > News > World\")"),
    Rule("copyright", "a copyright line"),
    Rule("disclaimer", "a legal or editorial disclaimer"),
    Rule("comment_form", "a comment form's fields and instructions"),
    Rule("post_meta", "a blog post's meta line (\"Posted in ... Bookmark the permalink.\")"),
    Rule("symbols", "a line of symbols only"),
    Rule("paywall", "a paywall or subscription notice"),
    Rule("advertising", "an advertising label or disclosure"),
    # Spam.
    Rule("spam", "a block of injected spam (gambling, casino or pharmacy links)"),
    Rule("inline_spam", "spam words or links cut out of a sentence that stays"),
    # Learned per site, at ingest.
    Rule("site_memory", "a line this site prints on many of its archived pages (menus, footers, sign-offs)"),
)

RULES: dict[str, Rule] = {rule.name: rule for rule in _RULES}


def describe(name: str) -> str:
    """A rule's one-line description; an unknown name (an archive written by another release) is described as such."""
    rule = RULES.get(name)
    return rule.description if rule else f"a rule this release does not know ({name})"
