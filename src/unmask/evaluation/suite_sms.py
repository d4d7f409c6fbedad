"""``approach_language`` on the UCI SMS Spam Collection: a generic lure-language sanity check.

SMS spam is not an espionage approach: this only shows that the cue extractor and the trained
model react to lure language (payment, urgency, links, moving to a phone number) and stay quiet on
ordinary chat. Identical messages (the collection repeats many spam texts) are grouped, after
lower-casing and masking digits, so that copies never sit on both sides of a split.

- ``rules``: the untrained rule score (no fitting at all) over every message;
- ``groupkfold5``: the trained model, 5-fold ``GroupKFold`` over duplicate groups; accuracy at 0.5.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np

from unmask.detectors.approach_features import find_cues, rule_score
from unmask.detectors.approach_model import ApproachModel
from unmask.evaluation.rows import EvalRow, binary_metrics

SUITE = "sms"
SMS = Path("text/sms/SMSSpamCollection")
REQUIRES = (SMS,)
DETECTOR = "approach_language"


def load_sms(data: Path) -> tuple[list[str], list[int], list[str]]:
    texts, labels, groups = [], [], []
    with (data / SMS).open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if [h.strip().lower() for h in header[:2]] != ["label", "sms"]:
            raise ValueError(f"unexpected SMS header {header}")
        for row in reader:
            if len(row) < 2:
                continue
            text = "\t".join(row[1:])
            texts.append(text)
            labels.append(1 if row[0].strip() == "spam" else 0)
            groups.append(re.sub(r"\s+", " ", re.sub(r"\d", "0", text.lower())).strip())
    return texts, labels, groups


def _accuracy(split: str, y: list[int], p: list[float]) -> EvalRow:
    acc = float(np.mean((np.asarray(p) >= 0.5) == np.asarray(y)))
    return EvalRow(DETECTOR, SUITE, split, "accuracy", acc, len(y))


def run(data: Path) -> list[EvalRow]:
    from sklearn.model_selection import GroupKFold

    texts, labels, groups = load_sms(data)
    y = np.asarray(labels)
    rules = [rule_score({c.category for c in find_cues(t)}) for t in texts]
    rows = binary_metrics(DETECTOR, SUITE, "rules", labels, rules, probabilities=False)
    p = np.zeros(len(texts))
    for tr, te in GroupKFold(n_splits=5).split(texts, y, groups):
        model = ApproachModel().fit([texts[i] for i in tr], y[tr].tolist())
        p[te] = model.predict_proba([texts[i] for i in te])
    rows += binary_metrics(DETECTOR, SUITE, "groupkfold5", labels, p.tolist())
    rows.append(_accuracy("groupkfold5", labels, p.tolist()))
    return rows


if __name__ == "__main__":  # pragma: no cover - manual run
    from unmask.evaluation.rows import data_dir

    for row in run(data_dir()):
        print(f"{row.split:14s} {row.metric:16s} {row.value:.4f}  n={row.n}")
