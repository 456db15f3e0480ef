"""A small line classifier for text dumps: is this line part of the article?

The rules in this package say what a line *is* (a share bar, a byline, a
section heading) and where the prose core of the page lies.  What they
cannot say alone is whether a short line beside the core (a subheading, an
ingredient, a caption, a teaser title) belongs to the article.  This model
weighs general signals of a line and its neighbourhood — length, stopword
density, punctuation, distance to the core, how much prose surrounds it,
repetition — and gives the probability that the line is article text.

The weights are a one-hidden-layer network trained by
`bench/train_line_model.py` on the dev pages' with/without segments; its
cross-validated score (pages held out from training) is printed by that
script and recorded in the README.  Inference is a few numpy products per
page.  No page-specific rule is involved: every feature is computed the same
way for any page in any language.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

from .core import SHORT_CHARS, is_prose

MODEL_PATH = Path(__file__).resolve().parent / "data" / "line_model.json"

# Neighbourhood half-widths (in lines) for the context features.
NEAR = 2
WIDE = 6

FEATURE_NAMES = [
    "log_chars",
    "log_words",
    "stopword_density",
    "ends_sentence",
    "cjk",
    "short",
    "prose",
    "furniture",
    "repeated",
    "in_core",
    "log_lines_before_core",
    "log_lines_after_core",
    "relative_position",
    "digit_ratio",
    "upper_ratio",
    "title_case_ratio",
    "ends_colon",
    "starts_with_bullet_or_number",
    "separator_count",
    "prev_prose",
    "next_prose",
    "near_prose_share",
    "wide_prose_share",
    "wide_short_share",
    "near_furniture_share",
    "log_core_prose_chars",
    "line_chars_vs_core_median",
    "prev_log_chars",
    "next_log_chars",
    "prev_stopword_density",
    "next_stopword_density",
    "log_short_run",
    "log_lines_to_prose",
    "prose_both_sides",
    "has_url_or_handle",
    "all_caps",
    "call_to_action_share",
    "log_lines_from_core_start",
    "log_lines_to_core_end",
]

# Vocabulary of the page talking to its reader rather than reporting:
# subscribe, donate, download, share, sign in, cookies, affiliate links.
# Hand-written and multilingual; the model learns how much it weighs.
CALL_TO_ACTION = frozenset(
    """subscribe subscription newsletter sign signup login log register registrieren anmelden abonnieren abo
    abonnement abonnez inscrivez suscríbete suscribirse iscriviti download app apps herunterladen télécharger
    descargar click klicken cliquez haga here hier ici aquí qui share teilen partager compartir condividi follow
    folgen suivez síguenos donate spenden spende don donar dona support unterstützen soutenez apoya cookie cookies
    datenschutz privacy confidentialité privacidad affiliate werbung anzeige advertisement publicité publicidad
    sponsored gesponsert amazon commission provision partnerlinks bestellen order buy kaufen shop acheter comprar
    newsletters alert alerts benachrichtigung notification push whatsapp telegram facebook twitter instagram
    youtube podcast rss feed kontakt contact impressum imprint copyright disclaimer""".split()
)


def line_features(texts, tokens, feats, furniture, core, counts) -> np.ndarray:
    """One row of FEATURE_NAMES per line."""
    n = len(texts)
    prose = [1.0 if is_prose(f) and i not in furniture else 0.0 for i, f in enumerate(feats)]
    chars = [f.chars for f in feats]
    prose_chars = [c * p for c, p in zip(chars, prose)]
    short = [1.0 if c < SHORT_CHARS else 0.0 for c in chars]
    furn = [1.0 if i in furniture else 0.0 for i in range(n)]
    start, stop = core if core else (n, -1)
    core_prose = [chars[i] for i in range(max(start, 0), stop + 1) if prose[i]]
    core_prose_chars = sum(core_prose)
    core_median = sorted(core_prose)[len(core_prose) // 2] if core_prose else 200

    # Prefix sums make every window feature O(1) per line.
    def prefix(values):
        out = [0.0]
        for v in values:
            out.append(out[-1] + v)
        return out

    p_prose_chars, p_chars, p_short, p_furn = prefix(prose_chars), prefix(chars), prefix(short), prefix(furn)

    def window(pre, i, half):
        lo, hi = max(0, i - half), min(n, i + half + 1)
        return pre[hi] - pre[lo], hi - lo

    # Length of the run of consecutive short lines each line sits in.
    short_run = [0] * n
    i = 0
    while i < n:
        if short[i]:
            j = i
            while j < n and short[j]:
                j += 1
            for k in range(i, j):
                short_run[k] = j - i
            i = j
        else:
            i += 1
    # Distance (in lines) to the nearest prose line on each side.
    before = [n] * n
    last = None
    for i in range(n):
        before[i] = i - last if last is not None else n
        if prose[i]:
            last = i
    after = [n] * n
    last = None
    for i in range(n - 1, -1, -1):
        after[i] = last - i if last is not None else n
        if prose[i]:
            last = i

    rows = []
    log_core = math.log1p(core_prose_chars) / 10
    for i, text in enumerate(texts):
        f = feats[i]
        toks = tokens[i]
        letters = sum(1 for ch in text[:200] if ch.isalpha()) or 1
        upper = sum(1 for ch in text[:200] if ch.isupper())
        digits = sum(1 for ch in text[:200] if ch.isdigit())
        caps = sum(1 for w in text.split()[:30] if w[:1].isupper())
        words = max(1, min(len(text.split()), 30))
        near_p, _ = window(p_prose_chars, i, NEAR)
        near_c, _ = window(p_chars, i, NEAR)
        wide_p, _ = window(p_prose_chars, i, WIDE)
        wide_c, _ = window(p_chars, i, WIDE)
        wide_s, wide_n = window(p_short, i, WIDE)
        near_f, near_n = window(p_furn, i, NEAR)
        rows.append(
            (
                math.log1p(f.chars) / 8,
                math.log1p(len(toks)) / 6,
                f.stopword_density,
                1.0 if f.ends_sentence else 0.0,
                1.0 if f.cjk else 0.0,
                short[i],
                prose[i],
                furn[i],
                1.0 if counts[text] > 1 else 0.0,
                1.0 if start <= i <= stop else 0.0,
                math.log1p(start - i) / 6 if i < start else 0.0,
                math.log1p(i - stop) / 6 if i > stop else 0.0,
                i / n,
                digits / max(1, min(len(text), 200)),
                upper / letters,
                caps / words,
                1.0 if text.endswith(":") else 0.0,
                1.0 if text[:1] in "•·-–*▪►>" or text[:2].rstrip(".)").isdigit() else 0.0,
                min(5, text.count("|") + text.count("»") + text.count("·")) / 5,
                prose[i - 1] if i > 0 else 0.0,
                prose[i + 1] if i + 1 < n else 0.0,
                near_p / near_c if near_c else 0.0,
                wide_p / wide_c if wide_c else 0.0,
                wide_s / wide_n,
                near_f / near_n,
                log_core,
                min(4.0, f.chars / core_median) / 4,
                math.log1p(chars[i - 1]) / 8 if i > 0 else 0.0,
                math.log1p(chars[i + 1]) / 8 if i + 1 < n else 0.0,
                feats[i - 1].stopword_density if i > 0 else 0.0,
                feats[i + 1].stopword_density if i + 1 < n else 0.0,
                math.log1p(short_run[i]) / 5,
                math.log1p(0 if prose[i] else min(before[i], after[i])) / 6,
                1.0 if before[i] <= 3 and after[i] <= 3 else 0.0,
                1.0 if ("http" in text or "www." in text or "@" in text) else 0.0,
                1.0 if letters > 3 and upper / letters > 0.8 else 0.0,
                sum(map(CALL_TO_ACTION.__contains__, toks)) / max(1, len(toks)),
                math.log1p(abs(i - start)) / 6 if core else 1.0,
                math.log1p(abs(stop - i)) / 6 if core else 1.0,
            )
        )
    return np.asarray(rows, dtype=np.float64).reshape(n, len(FEATURE_NAMES))


class LineModel:
    """One hidden layer, tanh, sigmoid output; inputs standardised with the training mean/std."""

    def __init__(self, params: dict):
        if params.get("features") != FEATURE_NAMES:
            raise ValueError("line model was trained on other features; retrain with bench/train_line_model.py")
        self.mean = np.asarray(params["mean"])
        self.std = np.asarray(params["std"])
        self.w1 = np.asarray(params["w1"])
        self.b1 = np.asarray(params["b1"])
        self.w2 = np.asarray(params["w2"])
        self.b2 = float(params["b2"])
        self.threshold = float(params["threshold"])
        self.context = np.asarray(params["context"]) if params.get("context") else None

    def line_probabilities(self, x: np.ndarray) -> np.ndarray:
        """Each line judged on its own features."""
        hidden = np.tanh(((x - self.mean) / self.std) @ self.w1 + self.b1)
        return 1.0 / (1.0 + np.exp(-(hidden @ self.w2 + self.b2)))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Line probabilities smoothed by the neighbours' (an article is a run of lines, not a scatter)."""
        p = self.line_probabilities(x)
        if self.context is None:
            return p
        z = context_features(p) @ self.context[:-1] + self.context[-1]
        return 1.0 / (1.0 + np.exp(-z))


# Windows (half-widths, in lines) over which neighbours' probabilities are averaged.
CONTEXT_WINDOWS = (1, 3, 8)


def context_features(p: np.ndarray) -> np.ndarray:
    """[logit p, mean logit over each window, max and min p within 2 lines] per line."""
    n = len(p)
    logit = np.log(np.clip(p, 1e-4, 1 - 1e-4) / np.clip(1 - p, 1e-4, 1))
    cols = [logit]
    cumulative = np.concatenate([[0.0], np.cumsum(logit)])
    idx = np.arange(n)
    for half in CONTEXT_WINDOWS:
        lo = np.clip(idx - half, 0, n)
        hi = np.clip(idx + half + 1, 0, n)
        cols.append((cumulative[hi] - cumulative[lo]) / (hi - lo))
    padded = np.pad(p, 2, mode="edge")
    windows = np.stack([padded[k : k + n] for k in range(5)])
    cols.append(windows.max(axis=0))
    cols.append(windows.min(axis=0))
    return np.stack(cols, axis=1)


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> LineModel | None:
    """The shipped model, or None when the file is absent (the rules then decide alone)."""
    try:
        return LineModel(json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
