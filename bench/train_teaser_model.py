"""Train the teaser model (pipeline/clean/teasermodel.py) and report what it catches, held out.

Rows come from noisy copies of the dev pages (tests/noise.py: other pages'
teasers, a spam block and a spliced token put into each text dump), drawn
with noise seeds of their own, never bench_spam.py's.  Each copy is cleaned
as the benches clean it held out (the text block model of the fold that
never saw the page's site), with the rules alone at the teaser stage; every block the teaser
stage scored that is still kept after the rules is a row:

- an injected teaser line: a teaser (1);
- a line holding a `with` segment of the page: article (0);
- anything else: not used.

The pages without noise add rows too (article blocks only: there the model
can only do harm).

A page's teasers come from pages of its own fold, so no fold model is
trained on text of the pages it is scored on (the features hold no words,
but the similarities do depend on them).

The threshold is chosen on out-of-fold predictions within the training
pages: the lowest at which at most MAX_ARTICLE_LOSS of their article rows
would go.  Fold models go to bench/data/teaser_model_folds/ (bench_spam.py
and bench_text.py `--held-out` use them); the model trained on all pages to
pipeline/clean/data/teaser_model.json.

The veto (teasermodel.load_veto_model) learns from the blocks the runs
took (not those of a box a heading names): on the noisy pages, the
injected teasers (1) and the lines holding a `with` segment (0); and on
real pages, whose whole text is known, cleaned the same way with each
dumper of bench/dumpers.py: wcxb-dev's articles (a block inside
`main_content`: 0; one sharing almost nothing with it: 1) and the dev pages
as they are (a `with` segment: 0; a `without` segment: 1).  The classes
weigh the same.  Its threshold is the highest at which, out of fold within
the training pages, at most MAX_TEASER_VETO of the injected teasers' rows
are given back.  Folds: dev pages by page (as above), wcxb-dev pages by
site; fold models in bench/data/teaser_veto_folds/, the shipped veto in
pipeline/clean/data/teaser_veto.json.

Usage: python bench/train_teaser_model.py [--copies 24] [--no-write] [--rows rows.pkl]
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_spam import clean_dump, page_teaser  # noqa: E402
from textcorpus import dev_site  # noqa: E402
from devpages import FOLDS, TEASER_FOLD_MODELS, VETO_FOLD_MODELS, HeldOutModels, fold, fold_of, html_to_dump, load_cases, page_headline, teaser_model, veto_model  # noqa: E402
from dumpers import DUMPERS, load_dumps  # noqa: E402
from textcorpus import load_text_pages  # noqa: E402
from tests.noise import inject_noise  # noqa: E402
from netfit import train_members  # noqa: E402

import pipeline.clean.teasers as teaser_step  # noqa: E402
from pipeline.clean.linemodel import LineModel  # noqa: E402
from pipeline.clean.teasermodel import FEATURE_NAMES, MODEL_PATH, TRAINER, VETO_PATH  # noqa: E402

# Noise draws of the training rows: seeds NOISE_SEED, NOISE_SEED + 1, ...
# (bench_spam.py draws from 20240826 on).
NOISE_SEED = 101
# The share of the training pages' kept article blocks the model may take
# (out of fold).  Each block taken from an article costs body recall on
# every page, noisy or not.  Measured by bench_spam.py --held-out (four
# draws pooled; 0.002 and 0.003 with 12 training draws, 0.0025 with 24):
# 0.002: teaser sections leaked 199 of 3,784, clean F1 0.9011; 0.003: 180,
# 0.8998 (under the 0.90 target of the text cleaner); 0.0025: 181, 0.9002,
# all before the list-page guard was put over the model's blocks.
MAX_ARTICLE_LOSS = 0.0025
# The share of the injected teasers' run rows the veto may give back (out
# of fold): each can leak a teaser section, and bench_spam.py's floor is 5%
# (chosen held out, bench/README.md).
MAX_TEASER_VETO = 0.001
INNER_FOLDS = 3
# A real page's block is article text when this share of its 4-token
# shingles is in the page's main text, and other content when under
# OTHER_OVERLAP (between the two: not used).
ARTICLE_OVERLAP = 0.5
OTHER_OVERLAP = 0.1
_WORD = re.compile(r"\w+")
IN_RUN = FEATURE_NAMES.index("in_run")


class Recorder:
    """Stands in for the teaser model at the teaser stage: keeps each scoring's features, decides nothing."""

    threshold = 2.0  # above any probability

    def __init__(self):
        self.rows: list[np.ndarray] = []

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        self.rows.append(x)
        return np.zeros(len(x))


def page_rows(recorder: Recorder, calls: list, label):
    """(take rows, veto rows) of the last scoring of a page, each (features, labels) or None.

    `label(text)`: 1 (not article), 0 (article) or None (not used).  Take
    rows: the blocks the rules left kept; veto rows: those the runs took.
    """
    if not calls:
        return None, None
    texts, reference, doomed, order, headline, named = calls[-1]
    x = recorder.rows[-1]
    take, veto = ([], []), ([], [])
    for n, text in enumerate(texts):
        if not reference[n] or n == headline:
            continue
        y = label(text)
        if y is None:
            continue
        if order[n] not in doomed:
            rows = take
        elif x[n, IN_RUN] and order[n] not in named:
            rows = veto
        else:
            continue
        rows[0].append(n)
        rows[1].append(y)
    return tuple((x[keep], np.asarray(labels, float)) if keep else None for keep, labels in (take, veto))


def _recording(calls: list):
    """The teaser step's model pass, recording what it was given in `calls`."""
    original = teaser_step._model_teasers

    def recording(p, threshold, stories, doomed, spared, scoring):
        calls.append((stories.texts, stories.reference, doomed, stories.order, stories.headline, scoring.named))
        return original(p, threshold, stories, doomed, spared, scoring)

    return original, recording


def _with_label(with_: list[str], injected: set[str] = frozenset(), without: list[str] = ()):
    """Label of a dev page's block: an injected teaser line or one holding a `without` segment (1), one holding a `with` segment (0), else None."""

    def label(text: str):
        folded = fold(text)
        if text in injected:
            return 1
        if any(s in folded for s in with_):
            return 0
        if any(s in folded for s in without):
            return 1
        return None

    return label


def collect(cases, copies: int, folds: int) -> tuple[dict, dict]:
    """Take rows and veto rows, {(page id, copy): (x, y)}, over `copies` noise draws of every page (and the pages as they are)."""
    dumps = [html_to_dump(c.html) for c in cases]
    titles = [page_headline(c) for c in cases]
    teasers = [page_teaser(c, d, t) for c, d, t in zip(cases, dumps, titles)]
    pools = defaultdict(list)
    for c, t in zip(cases, teasers):
        if t:
            pools[fold_of(c.id, folds), t.language].append(t)
    models = HeldOutModels(teasers=False, sites={case.id: dev_site(case.url, case.html, case.id) for case in cases})
    recorder = Recorder()
    calls: list = []
    original, teaser_step._model_teasers = _recording(calls)
    rows, vetoes = {}, {}
    try:
        # The pages as they are: article blocks only, where a teaser model
        # can only do harm.
        with_ = {case.id: [fold(s) for s in case.with_] for case in cases}
        for i, case in enumerate(cases):
            calls.clear()
            recorder.rows.clear()
            with models.use(case.id), teaser_model(recorder), veto_model(None):
                clean_dump(dumps[i])
            row, _ = page_rows(recorder, calls, _with_label(with_[case.id]))
            if row is not None:
                rows[case.id, "clean"] = row
        for copy in range(copies):
            rng = random.Random(NOISE_SEED + copy)
            started = time.monotonic()
            for i, case in enumerate(cases):
                language = teasers[i].language if teasers[i] else None
                others = [t for t in pools.get((fold_of(case.id, folds), language), []) if t is not teasers[i]]
                if not others:
                    continue
                noisy = inject_noise(dumps[i], rng, rng.sample(others, min(8, len(others))), body=case.with_, title=titles[i])
                injected = {line for inj in noisy.injections if inj.kind == "teaser" for line in inj.lines}
                calls.clear()
                recorder.rows.clear()
                with models.use(case.id), teaser_model(recorder), veto_model(None):
                    clean_dump(noisy.text)
                row, veto = page_rows(recorder, calls, _with_label(with_[case.id], injected))
                if row is not None:
                    rows[case.id, copy] = row
                if veto is not None:
                    vetoes[case.id, copy] = veto
            print(f"noise draw {copy + 1}/{copies}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    finally:
        teaser_step._model_teasers = original
    return rows, vetoes


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _WORD.findall(unicodedata.normalize("NFKC", text))]


def _shingles(tokens: list[str]) -> set:
    return {tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3))}


def _truth_label(main_content: str):
    """Label of a wcxb-dev block: inside the page's main text (0), sharing almost nothing with it (1), else None."""
    words = _tokens(main_content)
    joined, truth = " ".join(words), _shingles(words)

    def label(text: str):
        tokens = _tokens(text)
        if not tokens:
            return None
        shingles = _shingles(tokens)
        overlap = len(shingles & truth) / len(shingles)
        if overlap >= ARTICLE_OVERLAP or " ".join(tokens) in joined:
            return 0
        return 1 if overlap < OTHER_OVERLAP else None

    return label


def collect_real() -> dict:
    """Veto rows of real pages, {(page id, dumper): ((x, y), fold)}: wcxb-dev's articles and the dev pages, each dumper's dumps cleaned held out."""
    from bench_text import FoldModels, clean_dump as clean_text_dump
    from devpages import fold_of as page_fold

    pages = [p for p in load_text_pages() if p.corpus == "dev" or p.page_type == "article"]
    folds = FoldModels()
    recorder = Recorder()
    calls: list = []
    original, teaser_step._model_teasers = _recording(calls)
    vetoes = {}
    try:
        for dumper in DUMPERS:
            started = time.monotonic()
            dumps = load_dumps(pages, dumper)
            for page in pages:
                if page.corpus == "wcxb":
                    label, k = _truth_label(page.main_content), page.fold
                else:
                    label = _with_label([fold(s) for s in page.with_], without=[fold(s) for s in page.without])
                    k = page_fold(page.id.split("/", 1)[1], FOLDS)
                calls.clear()
                recorder.rows.clear()
                with folds.use(page), teaser_model(recorder), veto_model(None):
                    clean_text_dump(dumps[page.id], page.id)
                _, veto = page_rows(recorder, calls, label)
                if veto is not None:
                    vetoes[page.id, dumper] = (veto, k)
            print(f"real pages, {dumper} dumps: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    finally:
        teaser_step._model_teasers = original
    return vetoes


def fit(rows: list, args) -> dict:
    x = np.vstack([r[0] for r in rows])
    y = np.concatenate([r[1] for r in rows])
    return train_members(x, y, np.ones(len(y)), args, FEATURE_NAMES)


def choose_threshold(rows: list, groups: list[int], args) -> float:
    """The lowest threshold taking at most MAX_ARTICLE_LOSS of the article rows, out of fold within `rows`."""
    ps, ys = [], []
    for k in range(INNER_FOLDS):
        model = LineModel(fit([r for r, g in zip(rows, groups) if g % INNER_FOLDS != k], args), FEATURE_NAMES, TRAINER)
        for x, y in (r for r, g in zip(rows, groups) if g % INNER_FOLDS == k):
            ps.append(model.probabilities(x))
            ys.append(y)
    p, y = np.concatenate(ps), np.concatenate(ys)
    article = np.sort(p[y == 0])[::-1]
    allowed = int(MAX_ARTICLE_LOSS * len(article))
    return float(min(0.999, article[allowed] + 1e-9)) if len(article) > allowed else 0.5


def report(label: str, p: np.ndarray, y: np.ndarray, threshold: float) -> None:
    taken = p >= threshold
    print(
        f"{label:28} teaser blocks caught {int((taken & (y == 1)).sum()):5d} / {int((y == 1).sum()):5d}"
        f"   article blocks taken {int((taken & (y == 0)).sum()):4d} / {int((y == 0).sum()):5d}   threshold {threshold:.3f}"
    )


class VetoRows:
    """The veto's rows, one entry per page and copy (or dumper): features, labels, fold, noisy or real, inner group."""

    def __init__(self, noisy: dict, real: dict):
        self.x, self.y, self.folds, self.noisy, self.groups = [], [], [], [], []
        rank: dict[str, int] = {}
        for (page, _copy), (x, y) in noisy.items():
            self._add(x, y, fold_of(page, FOLDS), True, rank.setdefault(page, len(rank)))
        for (page, _dumper), ((x, y), k) in real.items():
            self._add(x, y, k, False, rank.setdefault(page, len(rank)))

    def _add(self, x, y, k, noisy, group):
        self.x.append(x)
        self.y.append(y)
        self.folds.append(k)
        self.noisy.append(np.full(len(y), noisy))
        self.groups.append(group)

    def where(self, keep) -> "VetoRows":
        out = VetoRows({}, {})
        for i, k in enumerate(self.folds):
            if keep(k, self.groups[i]):
                out._add(self.x[i], self.y[i], k, bool(self.noisy[i][0]) if len(self.noisy[i]) else True, self.groups[i])
        return out

    def stacked(self):
        return np.vstack(self.x), np.concatenate(self.y), np.concatenate(self.noisy)


def fit_veto(rows: VetoRows, args) -> dict:
    """The veto on `rows`, its classes weighing the same, with its threshold chosen out of fold within them."""
    args = argparse.Namespace(**{**vars(args), "hidden": args.veto_hidden})
    x, y, _ = rows.stacked()
    weight = np.where(y == 0, (y == 1).sum() / max(1, (y == 0).sum()), 1.0)
    params = train_members(x, y, weight, args, FEATURE_NAMES)
    ps, ys, noisy = [], [], []
    for k in range(INNER_FOLDS):
        inner = rows.where(lambda _fold, group: group % INNER_FOLDS != k).stacked()
        w = np.where(inner[1] == 0, (inner[1] == 1).sum() / max(1, (inner[1] == 0).sum()), 1.0)
        model = LineModel(dict(train_members(inner[0], inner[1], w, args, FEATURE_NAMES), threshold=0.5), FEATURE_NAMES, TRAINER)
        held = rows.where(lambda _fold, group: group % INNER_FOLDS == k).stacked()
        ps.append(model.probabilities(held[0]))
        ys.append(held[1])
        noisy.append(held[2])
    p, y, noisy = np.concatenate(ps), np.concatenate(ys), np.concatenate(noisy)
    teasers = np.sort(p[(y == 1) & noisy])
    allowed = int(MAX_TEASER_VETO * len(teasers))
    params["threshold"] = float(teasers[allowed]) if len(teasers) > allowed else 0.0
    return params


def report_veto(label: str, p: np.ndarray, y: np.ndarray, noisy: np.ndarray, chars: np.ndarray, threshold: float) -> None:
    spared = p < threshold

    def share(mask):
        return f"{int((spared & mask).sum()):5d} / {int(mask.sum()):5d}"

    print(
        f"{label:28} given back: injected teasers {share(noisy & (y == 1))}, noisy pages' article {share(noisy & (y == 0))}; "
        f"real pages' article chars {int(chars[spared & ~noisy & (y == 0)].sum())} / {int(chars[~noisy & (y == 0)].sum())}, "
        f"other chars {int(chars[spared & ~noisy & (y == 1)].sum())} / {int(chars[~noisy & (y == 1)].sum())}   threshold {threshold:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=24, help="noise draws of every page")
    parser.add_argument("--hidden", type=int, default=16)
    parser.add_argument(
        "--veto-hidden", type=int, default=32, help="hidden units of each of the veto's networks (chosen on this script's held-out rows, bench/README.md)"
    )
    parser.add_argument("--epochs", type=int, default=600)
    parser.add_argument("--l2", type=float, default=0.003)
    parser.add_argument("--members", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261123, help="random starts of the networks")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--rows", type=Path, help="read the rows from this pickle if it exists, else collect and save them there")
    args = parser.parse_args()

    cases = load_cases()
    folds = FOLDS
    if args.rows and args.rows.exists():
        rows, noisy_vetoes, real_vetoes = pickle.loads(args.rows.read_bytes())
    else:
        rows, noisy_vetoes = collect(cases, args.copies, folds)
        real_vetoes = collect_real()
        if args.rows:
            args.rows.write_bytes(pickle.dumps((rows, noisy_vetoes, real_vetoes)))
    keys = list(rows)
    rank: dict[str, int] = {}
    for page, _copy in keys:
        rank.setdefault(page, len(rank))
    if not args.no_write:
        for stale in [*TEASER_FOLD_MODELS.glob("fold*.json"), *VETO_FOLD_MODELS.glob("fold*.json")]:
            stale.unlink()
    held_p, held_y = [], []
    for k in range(folds):
        train_keys = [key for key in keys if fold_of(key[0], folds) != k]
        params = fit([rows[key] for key in train_keys], args)
        params["threshold"] = choose_threshold([rows[key] for key in train_keys], [rank[key[0]] for key in train_keys], args)
        model = LineModel(params, FEATURE_NAMES, TRAINER)
        if not args.no_write:
            TEASER_FOLD_MODELS.mkdir(parents=True, exist_ok=True)
            (TEASER_FOLD_MODELS / f"fold{k}.json").write_text(json.dumps(params, separators=(",", ":")) + "\n", encoding="utf-8")
        test = [rows[key] for key in keys if fold_of(key[0], folds) == k]
        p = np.concatenate([model.probabilities(x) for x, _ in test])
        y = np.concatenate([y for _, y in test])
        report(f"fold {k} (held out)", p, y, model.threshold)
        held_p.append(p >= model.threshold)
        held_y.append(y)
    taken, y = np.concatenate(held_p), np.concatenate(held_y)
    report(f"{folds}-fold held-out", taken.astype(float), y, 0.5)

    vetoes = VetoRows(noisy_vetoes, real_vetoes)
    chars_at = FEATURE_NAMES.index("log_chars")
    held = []
    for k in range(folds):
        params = fit_veto(vetoes.where(lambda fold_, _group: fold_ != k), args)
        veto = LineModel(params, FEATURE_NAMES, TRAINER)
        if not args.no_write:
            VETO_FOLD_MODELS.mkdir(parents=True, exist_ok=True)
            (VETO_FOLD_MODELS / f"fold{k}.json").write_text(json.dumps(params, separators=(",", ":")) + "\n", encoding="utf-8")
        x, y, noisy = vetoes.where(lambda fold_, _group: fold_ == k).stacked()
        p = veto.probabilities(x)
        report_veto(f"veto fold {k} (held out)", p, y, noisy, np.expm1(x[:, chars_at]), veto.threshold)
        held.append((p < veto.threshold, y, noisy, np.expm1(x[:, chars_at])))
    spared, y, noisy, chars = (np.concatenate(c) for c in zip(*held))
    report_veto(f"veto {folds}-fold held-out", (~spared).astype(float), y, noisy, chars, 0.5)

    params = fit(list(rows.values()), args)
    params["threshold"] = choose_threshold(list(rows.values()), [rank[key[0]] for key in keys], args)
    veto_params = fit_veto(vetoes, args)
    if not args.no_write:
        MODEL_PATH.write_text(json.dumps(params, separators=(",", ":")) + "\n", encoding="utf-8")
        VETO_PATH.write_text(json.dumps(veto_params, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}, {VETO_PATH} and {len(list(TEASER_FOLD_MODELS.glob('fold*.json')))} fold models of each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
