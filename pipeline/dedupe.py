"""Stage 5: exact and near duplicates, across every batch ever stored.

News is republished: the same story appears on several sites with other
furniture, a few edited sentences, another headline, or cut short.  A copy
is kept (nothing disappears) but points at one canonical article.

Exact copies: a hash of the clean text with case, whitespace, punctuation
and digits folded.

Near copies: MinHash over word shingles of the same folded text, bucketed
with LSH (banding), so that finding candidates costs a few index look-ups
whatever the archive's size; a candidate is confirmed when the estimated
Jaccard similarity of the two shingle sets reaches NEAR_DUPLICATE_JACCARD.

The canonical article of a cluster is the earliest published, then the most
complete (most words); when a better one arrives later, the index re-points
the cluster to it.

The index that answers "have we stored this before?" is passed in: an
in-memory one (`MemoryIndex`, for `clean` and tests) or the archive's
(`archive.Archive`, persisted in SQLite, for `ingest`).  Both only find
candidates; confirming them and choosing the canonical happen here, once.
The parameters below were measured with bench/bench_dedupe.py.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .clean.scripts import UNSPACED_IDEOGRAPHS, word_count
from .document import STATUS_DUPLICATE, Document

# Runs of letters (word characters that are no digit or underscore): the
# normalised text is these runs joined by single spaces.
_LETTER_RUNS = re.compile(r"[^\W\d_]+", re.UNICODE)
# Scripts written without spaces between words: each character is a token,
# so a Chinese or Japanese article still has shingles to compare.
_UNSPACED = re.compile(f"([{UNSPACED_IDEOGRAPHS}])")

# Shingles are runs of this many tokens.  5 words: short enough that one
# edited word breaks at most 5 shingles of an article, long enough that
# different articles share almost none.  Over all pairs of dev pages the most
# similar two different articles (two reports of the same arrest) have
# Jaccard 0.057 with 3-word shingles, 0.033 with 5-word ones.
SHINGLE_TOKENS = 5
# LSH banding.  A pair with Jaccard J shares at least one bucket with
# probability 1 - (1 - J**LSH_ROWS)**LSH_BANDS: with 42 bands of 3 rows that
# is 0.94 at J = 0.4, 0.98 at 0.45 and 0.996 at 0.5, while a pair of
# unrelated articles (J < 0.01 on the dev pages) collides with probability
# < 0.00005, so a page meets a handful of candidates even among 100k
# articles.  32 bands of 4 rows would find only 0.74 of the pairs at J = 0.45.
LSH_BANDS = 42
LSH_ROWS = 3
# MinHash signature length: one value per band row.  The standard error of
# the Jaccard estimate is sqrt(J(1-J)/NUM_PERM): 0.045 at J = 0.5.
NUM_PERM = LSH_BANDS * LSH_ROWS
# Confirmation: estimated Jaccard of the shingle sets at or above this makes
# a copy.  Measured with bench_dedupe.py: copies (cut to 60-80 %, 1-3
# sentences edited, other furniture) have a median of 0.66 and 95 % of them
# are above 0.5; articles on the same story quoting 20-35 % of another's
# sentences reach at most 0.25.  0.4 is that maximum plus three standard
# errors of the estimate (3 x 0.045).
NEAR_DUPLICATE_JACCARD = 0.4
# Below this many shingles (about 25 words) the estimate is too coarse to
# call two texts copies of each other; such texts are matched exactly only.
MIN_SHINGLES = 20

REASON_EXACT = "duplicate: same text as an archived article"
REASON_NEAR = "duplicate: near copy of an archived article (estimated Jaccard {:.2f})"
REASON_SUPERSEDED = "duplicate: superseded by an earlier or more complete copy (estimated Jaccard {:.2f})"

# Signatures stored in an archive must stay comparable with the ones any
# later run computes, so the hash constants derive from fixed names (not from
# a random generator whose stream may change between numpy versions).  A
# change to anything in this line makes the archive rebuild its index.
INDEX_PARAMETERS = f"minhash-v1 shingles={SHINGLE_TOKENS} bands={LSH_BANDS}x{LSH_ROWS}"


def _constants(name: str, n: int) -> np.ndarray:
    return np.array(
        [int.from_bytes(hashlib.blake2b(f"{name}{i}".encode(), digest_size=8).digest(), "little") for i in range(n)],
        dtype=np.uint64,
    )


_PERM_A = _constants("permutation-a", NUM_PERM) | np.uint64(1)  # odd multipliers
_PERM_B = _constants("permutation-b", NUM_PERM)
_SHINGLE_MULT = _constants("shingle-position", SHINGLE_TOKENS) | np.uint64(1)


def normalise(text: str) -> str:
    """The text casefolded, each run of non-letters (spaces, punctuation, digits) one space, none at the ends."""
    return " ".join(_LETTER_RUNS.findall(text.casefold()))


def fold(text: str) -> tuple[str, list[str]]:
    """(normalise(text), tokens of it) from one pass: the letter runs are the tokens unless a script without spaces is in them."""
    runs = _LETTER_RUNS.findall(text.casefold())
    folded = " ".join(runs)
    return folded, (tokens(folded) if _UNSPACED.search(folded) else runs)


def content_hash(text: str, normalised: bool = False) -> str:
    return hashlib.sha256((text if normalised else normalise(text)).encode("utf-8")).hexdigest()


def tokens(folded: str) -> list[str]:
    """Words of a normalised text (characters, for scripts written without spaces)."""
    if _UNSPACED.search(folded):
        folded = _UNSPACED.sub(r" \1 ", folded)
    return folded.split()


def _token_hashes(toks: list[str]) -> dict[str, int]:
    """Each distinct token's 64-bit hash: two CRC-32s with different seeds.

    Fast, stable across processes and versions (unlike hash()); the shingle
    mixing below spreads the bits.
    """
    crc32 = zlib.crc32
    return {t: (crc32(data) << 32) | crc32(data, 0x9E3779B9) for t in set(toks) for data in (t.encode("utf-8"),)}


def shingle_hashes(folded: str) -> np.ndarray:
    """64-bit hashes of the distinct SHINGLE_TOKENS-token shingles of a normalised text."""
    return _shingles_of_tokens(tokens(folded))


def _shingles_of_tokens(toks: list[str]) -> np.ndarray:
    if len(toks) < SHINGLE_TOKENS:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.fromiter(map(_token_hashes(toks).__getitem__, toks), dtype=np.uint64, count=len(toks))
    n = len(toks) - SHINGLE_TOKENS + 1
    combined = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(SHINGLE_TOKENS):
            combined = (combined ^ (hashed[i : i + n] * _SHINGLE_MULT[i])) * np.uint64(0xFF51AFD7ED558CCD)
            combined ^= combined >> np.uint64(29)
    # np.unique, as a sort and a mask: the same values, a tenth of its time on a page's shingles
    combined.sort()
    return combined[np.concatenate(([True], combined[1:] != combined[:-1]))]


def minhash(text: str, normalised: bool = False) -> np.ndarray | None:
    """The MinHash signature (NUM_PERM uint32) of a text, or None when it is too short to compare."""
    return _minhash_of_tokens(tokens(text if normalised else normalise(text)))


def _minhash_of_tokens(toks: list[str]) -> np.ndarray | None:
    shingles = _shingles_of_tokens(toks)
    if len(shingles) < MIN_SHINGLES:
        return None
    return signature_of_shingles(shingles)


# Shingles permuted at a time: the (shingles x NUM_PERM) products of a
# whole 19 MB page took 6.6 GB; a chunk takes ~8 MB, and a news article
# (a few thousand shingles) is one chunk.
SIGNATURE_CHUNK = 8192


def signature_of_shingles(shingles: np.ndarray) -> np.ndarray:
    """Minimum of each of NUM_PERM hash permutations over a non-empty set of shingle hashes."""
    lowest = None
    with np.errstate(over="ignore"):
        for start in range(0, len(shingles), SIGNATURE_CHUNK):
            chunk = shingles[start : start + SIGNATURE_CHUNK]
            # Multiply-shift hashing: one independent-enough permutation per
            # row, its high 32 bits kept.  The shift is taken after the
            # minimum (it keeps the order): one pass over the products less.
            # Permutations as rows: each minimum runs along contiguous memory.
            permuted = np.multiply.outer(_PERM_A, chunk)
            permuted += _PERM_B[:, None]
            permuted = permuted.min(axis=1)
            lowest = permuted if lowest is None else np.minimum(lowest, permuted)
    return (lowest >> np.uint64(32)).astype(np.uint32)


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 64-bit bucket key per LSH band (fits an SQLite INTEGER)."""
    rows = signature.reshape(LSH_BANDS, LSH_ROWS)
    keys = []
    for band in rows:
        digest = hashlib.blake2b(band.tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def signature_keys(doc: Document) -> list[int]:
    """band_keys of the document's signature, computed once per signature.

    `sign` computes them beside the signature (in the worker), so that the
    writer's look-up and its index entry use them as sent; a signature made
    again (site memory changed the text) gets its own.
    """
    cached = doc.__dict__.get("_band_keys")
    if cached is None or cached[0] is not doc.minhash:
        cached = doc.__dict__["_band_keys"] = (doc.minhash, band_keys(doc.minhash) if doc.minhash is not None else [])
    return cached[1]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def signature_bytes(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def canonical_key(published: str | None, words: int | None) -> tuple:
    """Sort key of a cluster member: smallest is canonical.

    Earliest publication day first (times and time zones are too often
    missing to compare finer), undated after dated, then the most words.
    """
    day = (published or "")[:10]
    return (not day, day, -(words or 0))


@dataclass
class Candidate:
    """An archived article that may be a copy's original."""

    article_id: str
    canonical_id: str  # the article's cluster canonical (itself when canonical)
    signature: np.ndarray | None = None


@dataclass
class Canonical:
    article_id: str
    published: str | None
    words: int


class DedupeIndex(Protocol):
    """Where articles are found and stored: an in-memory one (MemoryIndex) or the archive's (archive/dedupe_index.py).

    Look-ups and storage only; the policy (what is a copy, which article is
    canonical, how a cluster is re-pointed) is this module's.
    """

    def exact_match(self, content_hash: str, exclude_id: str) -> Candidate | None:
        """An archived article with this content hash, or None."""

    def near_candidates(self, keys: list[int], exclude_id: str) -> list[Candidate]:
        """Archived articles sharing at least one LSH bucket, with their signatures."""

    def canonical(self, article_id: str) -> Canonical:
        """Publication date and length of a canonical article."""

    def add(self, doc: Document) -> None:
        """Remember a stored article; re-point the clusters of `doc.merges` to its canonical (with `repoint`)."""

    def signature(self, article_id: str) -> np.ndarray | None:
        """The stored MinHash signature of an article (None for a short text)."""

    def members(self, canonical_id: str) -> list[str]:
        """The ids of the copies that point at `canonical_id`."""

    def point(self, article_id: str, canonical_id: str, similarity: float | None) -> None:
        """Make an article a copy of `canonical_id` with this estimated similarity."""

    def supersede(self, article_id: str, reason: str) -> None:
        """A canonical article became a copy: its page is a duplicate now, with this reason."""

    def promote(self, article_id: str) -> None:
        """A copy becomes its cluster's canonical (its canonical has no article any more)."""


@dataclass
class Match:
    canonical_id: str
    similarity: float  # the best over the cluster's members
    exact: bool


def find_clusters(doc: Document, index: DedupeIndex, threshold: float = NEAR_DUPLICATE_JACCARD) -> list[Match]:
    """Every cluster holding a copy of this document, most similar first."""
    found: dict[str, Match] = {}
    exact = index.exact_match(doc.content_hash or "", doc.id)
    if exact is not None and exact.canonical_id != doc.id:  # a copy of this very article (reprocess): not another cluster
        found[exact.canonical_id] = Match(exact.canonical_id, 1.0, exact=True)
    if doc.minhash is not None:
        for candidate in index.near_candidates(signature_keys(doc), doc.id):
            if candidate.signature is None or candidate.canonical_id == doc.id:
                continue
            similarity = estimated_jaccard(doc.minhash, candidate.signature)
            known = found.get(candidate.canonical_id)
            if similarity >= threshold and (known is None or similarity > known.similarity):
                found[candidate.canonical_id] = Match(candidate.canonical_id, similarity, exact=False)
    return sorted(found.values(), key=lambda m: (-m.similarity, m.canonical_id))


def sign(doc: Document) -> Document:
    """The page's dedupe signature: `content_hash` and `minhash` of its clean text.

    Needs no archive, so it runs in the worker with the other per-page
    stages; call it again after anything changes the text (site memory).
    """
    if doc.ok:
        folded, toks = fold(doc.text)
        doc.content_hash = content_hash(folded, normalised=True)
        doc.minhash = _minhash_of_tokens(toks)
        signature_keys(doc)
    return doc


def dedupe(doc: Document, index: DedupeIndex, threshold: float | None = None) -> Document:
    """Mark a copy of an archived article as a duplicate of its cluster's canonical.

    The canonical is the best (see `canonical_key`) of the document and the
    canonicals of every cluster it copies.  When that is the document, it
    stays an article; otherwise it points at that canonical.  Either way the
    other clusters it copies are listed in `doc.merges`: the index re-points
    them to the canonical, so a page bridging two partial copies of one story
    (an original arriving after two differently cut copies) joins them.
    """
    if not doc.ok:
        return doc
    if doc.content_hash is None:
        sign(doc)
    matches = find_clusters(doc, index, NEAR_DUPLICATE_JACCARD if threshold is None else threshold)
    if matches:
        text = doc.text
        current = [index.canonical(m.canonical_id) for m in matches]
        best = min(range(len(matches)), key=lambda i: canonical_key(current[i].published, current[i].words))
        if canonical_key(doc.metadata.get("published"), word_count(text)) < canonical_key(current[best].published, current[best].words):
            doc.merges = [m.canonical_id for m in matches]
        else:
            match = matches[best]
            doc.status = STATUS_DUPLICATE
            doc.reason = REASON_EXACT if match.exact else REASON_NEAR.format(match.similarity)
            doc.duplicate_of = match.canonical_id
            doc.similarity = match.similarity
            doc.merges = [m.canonical_id for m in matches if m is not match]
    index.add(doc)
    return doc


def repoint(index: DedupeIndex, old_canonical: str, doc: Document) -> None:
    """Re-point `old_canonical`'s cluster to the canonical of `doc` (`doc` itself or the article it copies).

    Each member's similarity is re-estimated against the new canonical; the
    old canonical's page becomes a duplicate ("superseded").
    """
    target = doc.duplicate_of or doc.id
    target_signature = doc.minhash if target == doc.id else index.signature(target)
    shown = None
    for member in [old_canonical] + index.members(old_canonical):
        similarity = similarity_between(index.signature(member), target_signature)
        index.point(member, target, similarity)
        if member == old_canonical:
            shown = similarity
    index.supersede(old_canonical, REASON_SUPERSEDED.format(shown if shown is not None else 1.0))


def rehome_copies(index: DedupeIndex, doc: Document) -> None:
    """After a canonical article was cleaned again (reprocess): its copies follow it.

    Now a copy of another cluster, it takes its copies there; with no
    article any more, the best of its copies (`canonical_key`) becomes
    their canonical.
    """
    members = index.members(doc.id)
    if not members:
        return
    if doc.status == STATUS_DUPLICATE and doc.duplicate_of:
        repoint(index, doc.id, doc)
        return
    if doc.status in ("ok", STATUS_DUPLICATE):
        return
    info = {m: index.canonical(m) for m in members}
    best = min(members, key=lambda m: (canonical_key(info[m].published, info[m].words), m))
    index.promote(best)
    signature = index.signature(best)
    for member in members:
        if member != best:
            index.point(member, best, similarity_between(index.signature(member), signature))


class MemoryIndex:
    """The same index in memory, for one process (tests, `clean`, library callers)."""

    def __init__(self) -> None:
        self._by_hash: dict[str, str] = {}
        self._buckets: dict[tuple[int, int], list[str]] = {}
        self._signatures: dict[str, np.ndarray | None] = {}
        self._info: dict[str, tuple[str | None, int]] = {}
        self.duplicate_of: dict[str, str] = {}  # copy id -> canonical id
        self.similarity: dict[str, float] = {}  # copy id -> estimated Jaccard to its canonical

    def _canonical_of(self, article_id: str) -> str:
        return self.duplicate_of.get(article_id, article_id)

    def exact_match(self, content_hash: str, exclude_id: str) -> Candidate | None:
        found = self._by_hash.get(content_hash)
        if found is None or found == exclude_id:
            return None
        return Candidate(found, self._canonical_of(found))

    def near_candidates(self, keys: list[int], exclude_id: str) -> list[Candidate]:
        seen: dict[str, Candidate] = {}
        for band, key in enumerate(keys):
            for article_id in self._buckets.get((band, key), ()):
                if article_id != exclude_id and article_id not in seen:
                    seen[article_id] = Candidate(article_id, self._canonical_of(article_id), self._signatures[article_id])
        return list(seen.values())

    def canonical(self, article_id: str) -> Canonical:
        published, words = self._info[article_id]
        return Canonical(article_id, published, words)

    def add(self, doc: Document) -> None:
        if doc.status not in ("ok", STATUS_DUPLICATE) or doc.id in self._info:
            return
        self._info[doc.id] = (doc.metadata.get("published"), word_count(doc.text))
        if doc.content_hash:
            self._by_hash.setdefault(doc.content_hash, doc.id)
        self._signatures[doc.id] = doc.minhash
        if doc.minhash is not None:
            for band, key in enumerate(signature_keys(doc)):
                self._buckets.setdefault((band, key), []).append(doc.id)
        if doc.duplicate_of:
            self.point(doc.id, doc.duplicate_of, doc.similarity if doc.similarity is not None else 1.0)
        for old in doc.merges:
            repoint(self, old, doc)

    def signature(self, article_id: str) -> np.ndarray | None:
        return self._signatures.get(article_id)

    def members(self, canonical_id: str) -> list[str]:
        return [copy for copy, canonical in self.duplicate_of.items() if canonical == canonical_id]

    def point(self, article_id: str, canonical_id: str, similarity: float | None) -> None:
        self.duplicate_of[article_id] = canonical_id
        self.similarity[article_id] = similarity

    def supersede(self, article_id: str, reason: str) -> None:
        """Nothing to do in memory: the article is a copy once `point` made it one."""

    def promote(self, article_id: str) -> None:
        self.duplicate_of.pop(article_id, None)
        self.similarity.pop(article_id, None)


def similarity_between(a: np.ndarray | None, b: np.ndarray | None) -> float | None:
    if a is None or b is None:
        return None
    return estimated_jaccard(a, b)
