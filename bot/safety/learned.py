"""A learned second opinion on danger, for the messages no phrase foresaw.

The phrases (:mod:`bot.safety.danger`) find what their authors thought of; on messages written by
people who never saw them they find two dangers in three. This model reads character n-grams (typos,
no accents, five languages and their mixes) and words, and was trained on examples written apart from
the bot (``bot/safety/examples/<lang>.yml``, made by ``tools.danger_examples``: the dangers *and* the
ordinary messages about the road, the jungle, papers and past harms that must not raise an alarm) and
on the NLU training examples (``emergency`` against every other intent).

It is small (hashed features: no vocabulary in memory; only the features seen in training are kept, about 2.5 MB
of weights where the dense arrays took 11 MB), trained in seconds on
first use with scikit-learn and kept under var/cache; answering needs only the standard library. A
message counts as a danger from :data:`CONFIDENCE`; its kind (for the advice) only when the kind head
is sure (:data:`KIND_CONFIDENCE`), else the general emergency answer.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import zlib
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

from bot.cache import cached
from bot.datafiles import read_yaml
from bot.textnorm import fold

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
NLU_DIR = Path(__file__).resolve().parents[1] / "data" / "nlu"
CONFIDENCE = 0.8  # chosen on the place development sets' ordinary messages (about 1 in 25 above 0.8 before they were examples)
KIND_CONFIDENCE = 0.6
MAX_CHARS = 1000  # a danger says so early; bounds the work


def _examples() -> tuple[list[str], list[int], list[str], list[str]]:
    """Texts and labels (1 danger, 0 ordinary), and the dangers whose kind is known with their kinds."""
    texts: list[str] = []
    labels: list[int] = []
    kind_texts: list[str] = []
    kinds: list[str] = []
    for path in sorted(EXAMPLES_DIR.glob("*.yml")):
        doc = read_yaml(path)
        for d in doc.get("danger") or []:
            texts.append(d["text"])
            labels.append(1)
            if d.get("kind"):
                kind_texts.append(d["text"])
                kinds.append(d["kind"])
        for o in doc.get("ordinary") or []:
            texts.append(str(o))
            labels.append(0)
    for path in sorted(NLU_DIR.glob("*/*.yml")):
        doc = read_yaml(path)
        for block in doc.get("nlu") or []:
            if "intent" not in block:
                continue
            for line in str(block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    texts.append(line.strip()[2:])
                    labels.append(1 if block["intent"] == "emergency" else 0)
    return texts, labels, kind_texts, kinds


CHAR_FEATURES = 2**18
WORD_FEATURES = 2**17
WORD = re.compile(r"\w\w+")


def _grams(folded: str) -> dict[int, int]:
    """Hashed n-gram counts: characters 2-5 inside each word with its edges (typos, missing accents,
    five languages and their mixes), words and pairs of words. Hashed: nothing to keep but the weights."""
    counts: dict[int, int] = {}
    for word in folded.split():
        padded = f" {word} "
        for n in range(2, 6):
            for k in range(max(1, len(padded) - n + 1)):
                key = zlib.crc32(padded[k : k + n].encode()) % CHAR_FEATURES
                counts[key] = counts.get(key, 0) + 1
    tokens = WORD.findall(folded)
    for gram in tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]:
        key = CHAR_FEATURES + zlib.crc32(gram.encode()) % WORD_FEATURES
        counts[key] = counts.get(key, 0) + 1
    return counts


@dataclass
class _Model:
    """Plain arrays, read without scikit-learn (it is only needed to train): the features seen in training
    (sorted), their tf-idf weights, and per head the weights and bias of a logistic regression, aligned with
    them. A feature never seen has ``unseen_idf`` and no weight (liblinear leaves an all-zero column at zero)."""

    seen: array
    idf: array
    unseen_idf: float
    danger: tuple[array, float]
    kinds: list[tuple[str, array, float]]  # one-vs-rest, as liblinear trains them

    def features(self, folded: str) -> dict[int, float]:
        """Position among the seen features (-1, -2, ... for unseen ones: they count in the norm only) -> value."""
        x: dict[int, float] = {}
        for k, c in _grams(folded).items():
            at = bisect_left(self.seen, k)
            known = at < len(self.seen) and self.seen[at] == k
            x[at if known else -1 - len(x)] = (1.0 + math.log(c)) * (self.idf[at] if known else self.unseen_idf)
        norm = math.sqrt(sum(v * v for v in x.values())) or 1.0
        return {k: v / norm for k, v in x.items()}

    @staticmethod
    def _sigmoid(weights: array, bias: float, x: dict[int, float]) -> float:
        z = bias + sum(weights[k] * v for k, v in x.items() if k >= 0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _train() -> _Model:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    texts, labels, kind_texts, kinds = _examples()

    def matrix(rows: list[str]) -> csr_matrix:
        data, cols, ptr = [], [], [0]
        for text in rows:
            for k, c in _grams(fold(text)).items():
                cols.append(k)
                data.append(1.0 + math.log(c))
            ptr.append(len(cols))
        return csr_matrix((data, cols, ptr), shape=(len(rows), CHAR_FEATURES + WORD_FEATURES))

    raw = matrix(texts)
    df = [0] * (CHAR_FEATURES + WORD_FEATURES)
    for k in raw.indices:
        df[k] += 1
    n = len(texts)
    idf = [math.log((1 + n) / (1 + d)) + 1.0 for d in df]  # smoothed, as scikit-learn's
    seen = array("I", (k for k, d in enumerate(df) if d))

    def weighted(rows: list[str]) -> csr_matrix:
        from sklearn.preprocessing import normalize

        m = matrix(rows)
        m.data = m.data * [idf[k] for k in m.indices]
        return normalize(m)

    def kept(coef) -> array:
        return array("f", (coef[k] for k in seen))

    danger = LogisticRegression(C=1.0, class_weight="balanced", solver="liblinear").fit(weighted(texts), labels)
    kind = LogisticRegression(C=1.0, class_weight="balanced", solver="liblinear").fit(weighted(kind_texts), kinds)
    return _Model(seen, array("f", (idf[k] for k in seen)), math.log(1 + n) + 1.0,
                  (kept(danger.coef_[0]), float(danger.intercept_[0])),
                  [(str(c), kept(kind.coef_[j]), float(kind.intercept_[j])) for j, c in enumerate(kind.classes_)])


def _fingerprint() -> str:
    from importlib.metadata import version

    h = hashlib.sha256(version("scikit-learn").encode())
    for path in [*sorted(EXAMPLES_DIR.glob("*.yml")), *sorted(NLU_DIR.glob("*/*.yml"))]:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    return cached(f"danger-learned-v3-{_fingerprint()}.pickle", _train)


def warm() -> None:
    """Train or load the model now, not on the first message."""
    _model()


def _read(text: str) -> tuple[float, str]:
    """The probability of a danger now (0 to 1), and the likeliest kind when the kind head is sure.

    Not memoised: a cache would keep people's recent messages in memory, and a reading costs 0.1 ms."""
    folded = fold((text or "")[:MAX_CHARS])
    if not folded.strip():
        return 0.0, ""
    model = _model()
    x = model.features(folded)
    p_danger = model._sigmoid(*model.danger, x)
    if p_danger < CONFIDENCE:
        return p_danger, ""
    scores = [(model._sigmoid(w, b, x), name) for name, w, b in model.kinds]
    total = sum(p for p, _ in scores) or 1.0
    best, name = max(scores)
    return p_danger, name if best / total >= KIND_CONFIDENCE else ""


def probability(text: str) -> float:
    """How likely the message reports a danger now (0 to 1)."""
    return _read(text)[0]


def likely(text: str) -> str | None:
    """``None`` for an ordinary message; for a likely danger its kind, or "" when the kind is unsure."""
    p, kind = _read(text)
    return kind if p >= CONFIDENCE else None
