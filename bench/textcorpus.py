"""Both evaluation corpora as one list of pages, with the site of each page and its fold.

dev-pages (../shared/bench/dev-pages: `with`/`without` snippets only) and
wcxb-dev (../shared/bench/wcxb-dev: the whole main text, title, author and
date) are read into one `TextPage` type.  Held-out figures split by site:
every learned part is trained on the pages of k-1 folds and scores the
pages of the fold it never saw, and a page's fold is a hash of its site's
registrable domain, so the same site falls in the same fold in both corpora
and in every experiment.

The site of a dev page is the domain of its url; for an archived copy
(web.archive.org/web/<stamp>/<url>) the archived url's; for the pages whose
url field is a label ("hard::haitiantimes.com-family.html") the page's own
canonical link or og:url, else the domain the label names.  A wcxb-dev page
has a `domain` field; where it is empty its url's domain.  A page whose site
cannot be read at all is its own site.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from devpages import load_cases
from wcxb import load_pages

# Folds by site.  Four, as the line and teaser models have always been
# cross-validated with: each fold model learns from three quarters of the sites.
FOLDS = 4


@dataclass
class TextPage:
    id: str  # "dev/<id>" or "wcxb/<id>"
    corpus: str  # "dev" | "wcxb"
    site: str  # registrable domain (or the page id when none can be read)
    page_type: str  # wcxb-dev's page type; "dev" for every dev page
    html: bytes
    with_: list[str]
    without: list[str]
    main_content: str | None = None  # wcxb-dev only
    truth: dict = field(default_factory=dict)  # wcxb-dev only: title, author, published (None where the page states none)

    @property
    def fold(self) -> int:
        return fold_of_site(self.site)


def fold_of_site(site: str, folds: int = FOLDS) -> int:
    return zlib.crc32(site.encode()) % folds


# Second-level labels under which a country's domains are registered ("co.uk", "com.pa").
_SECOND_LEVEL = frozenset("co com org net gov gob edu ac nic or ne go mil".split())


def registrable_domain(host: str) -> str:
    """The domain a site registered: "sport.example.co.uk" -> "example.co.uk"; "www.x.de" -> "x.de"."""
    host = host.lower().split("@")[-1].split(":")[0].strip(".")
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$")
_CANONICAL = re.compile(
    rb"""<link[^>]*rel=["']?canonical[^>]*>|<meta[^>]*og:url[^>]*>""", re.IGNORECASE
)
_HREF = re.compile(rb"""(?:href|content)\s*=\s*["']([^"']+)""", re.IGNORECASE)
_LABEL_DOMAIN = re.compile(r"::((?:[a-z0-9-]+\.)+(?:com|org|net|de|ch|at|fr|hn|pa|cu|jm|vc|ni|gt|sv|cr|uk|us|pl|it|es|info)(?:\.[a-z]{2})?)")


def url_host(url: str) -> str | None:
    """The host of a url, the archived url's for a web.archive.org copy."""
    url = url.strip()
    archived = _ARCHIVED.match(url)
    if archived:
        url = archived.group(1)
        if "://" not in url:
            url = "http://" + url
    host = urlsplit(url).netloc if "://" in url else ""
    return host or None


def dev_site(url: str, html: bytes, page_id: str) -> str:
    host = url_host(url)
    if not host:
        link = _CANONICAL.search(html[:200_000])
        href = _HREF.search(link.group(0)) if link else None
        if href:
            host = url_host(href.group(1).decode("ascii", "replace").replace("&#x3A;", ":").replace("&#x2F;", "/"))
    if not host:
        named = _LABEL_DOMAIN.search(url.lower())
        host = named.group(1) if named else None
    return registrable_domain(host) if host else f"page:{page_id}"


def load_text_pages(limit: int | None = None, corpora: tuple[str, ...] = ("dev", "wcxb")) -> list[TextPage]:
    """Every page of the corpora asked for (dev-pages first), each with its site and fold."""
    pages: list[TextPage] = []
    if "dev" in corpora:
        for case in load_cases(limit=limit):
            pages.append(
                TextPage(f"dev/{case.id}", "dev", dev_site(case.url, case.html, case.id), "dev", case.html, case.with_, case.without)
            )
    if "wcxb" in corpora:
        for page in load_pages(limit=limit):
            host = page.domain or url_host(page.url)
            pages.append(
                TextPage(
                    f"wcxb/{page.id}",
                    "wcxb",
                    registrable_domain(host) if host else f"page:{page.id}",
                    page.page_type,
                    page.html,
                    page.with_,
                    page.without,
                    page.main_content,
                    {"title": page.title, "author": page.author, "published": page.published},
                )
            )
    return pages
