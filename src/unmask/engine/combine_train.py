"""Fit the learned combiner on out-of-fold findings (``unmask train``).

The labelled accounts are split into folds by a hash of their id. For each fold, every detector
that learns from labels (trainable detectors, and any detector whose ``needs`` include labels, such
as trust propagation with known fakes as distrust seeds) is rebuilt on a snapshot from which that
fold's labels are removed, and scores the fold's accounts; detectors that use no labels score every
labelled account once. The combiner is then fitted on these scores, so no detector's score for an
account was learned from that account's own label. It is kept (``models/combiner.json``) only when,
out of fold, it ranks at least as well as the policy's own weights (within 0.005 ROC AUC).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from unmask.detectors import Detector, TrainableDetector
from unmask.model import Finding, Snapshot
from unmask.scoring import LearnedCombiner, Policy, noisy_or
from unmask.scoring.learned import fit_combiner, folds_of, too_few

COMBINER_FILE = "combiner.json"
Progress = Callable[[str], None]
Factory = Callable[[str], Detector]
RANKING_TOLERANCE = 0.005  # how much worse out of fold than the policy's weights is still a tie


def combiner_path(models_dir: Path) -> Path:
    return models_dir / COMBINER_FILE


def load_combiner(models_dir: Path) -> LearnedCombiner | None:
    path = combiner_path(models_dir)
    return LearnedCombiner.from_json(path.read_text()) if path.is_file() else None


def save_combiner(models_dir: Path, combiner: LearnedCombiner) -> Path:
    models_dir.mkdir(parents=True, exist_ok=True)
    path = combiner_path(models_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(combiner.to_json())
    tmp.replace(path)
    return path


def learns_from_labels(detector: Detector) -> bool:
    return isinstance(detector, TrainableDetector) or "label" in detector.needs


def _detect(detector: Detector, snapshot: Snapshot, subjects: Sequence[str]) -> list[Finding]:
    try:
        return list(detector.detect(snapshot, subjects))
    except ImportError:  # an optional extra is missing: the detector abstains everywhere
        return []


def out_of_fold_findings(
    snapshot: Snapshot,
    labels: dict[str, bool],
    names: Sequence[str],
    create: Factory,
    n_folds: int,
    progress: Progress | None = None,
) -> dict[str, list[Finding]]:
    """Findings for every labelled account, none learned from the account's own label."""
    keys = sorted(labels)
    folds = folds_of(keys, n_folds)
    found: dict[str, list[Finding]] = defaultdict(list)
    label_free = [n for n in names if not learns_from_labels(create(n))]
    for name in label_free:
        if progress:
            progress(name)
        for f in _detect(create(name), snapshot, keys):
            found[f.subject].append(f)
    learners = [n for n in names if n not in label_free]
    for k in range(n_folds):
        held = [key for key, fold in zip(keys, folds, strict=True) if fold == k]
        if not held or not learners:
            continue
        hidden = set(held)
        train_labels = {a: v for a, v in labels.items() if a not in hidden}
        blind = dataclasses.replace(
            snapshot, labels=tuple(lb for lb in snapshot.labels if lb.account_id not in hidden)
        )
        for name in learners:
            if progress:
                progress(f"{name} (fold {k + 1} of {n_folds})")
            detector = create(name)
            if isinstance(detector, TrainableDetector):
                try:
                    detector.fit(blind, train_labels)
                except (ValueError, ImportError):
                    continue  # too little data in this fold: the detector abstains here
            for f in _detect(detector, blind, held):
                found[f.subject].append(f)
    return found


def train_combiner(
    snapshot: Snapshot,
    labels: dict[str, bool],
    policy: Policy,
    models_dir: Path,
    detectors: Sequence[str],
    create: Factory,
    progress: Progress | None = None,
) -> tuple[LearnedCombiner | None, str]:
    """The fitted combiner (saved), or None and why the policy's weights stay in use."""
    why = too_few(labels, policy.combine.min_labels, policy.combine.min_per_class)
    if why:
        combiner_path(models_dir).unlink(missing_ok=True)
        return (
            None,
            f"too few labels to learn a combination ({why}): scans use the policy's weights",
        )
    names = [n for n in detectors if policy.weight(n) > 0]
    found = out_of_fold_findings(snapshot, labels, names, create, policy.combine.folds, progress)
    keys = sorted(labels)
    rows = [found.get(k, []) for k in keys]
    combiner = fit_combiner(
        keys,
        rows,
        [labels[k] for k in keys],
        names,
        baseline=lambda fs: noisy_or(fs, policy),
        n_folds=policy.combine.folds,
    )
    cv = combiner.cv
    figures = (
        f"out-of-fold ROC AUC {cv.get('learned_roc_auc', float('nan')):.3f} "
        f"(policy weights {cv.get('policy_roc_auc', float('nan')):.3f}), "
        f"Brier {cv.get('learned_brier', float('nan')):.3f} "
        f"(policy weights {cv.get('policy_brier', float('nan')):.3f})"
    )
    if not cv or cv["learned_roc_auc"] < cv["policy_roc_auc"] - RANKING_TOLERANCE:
        # never worse than the reference: a combination that ranks worse out of fold is not kept
        combiner_path(models_dir).unlink(missing_ok=True)
        return (
            None,
            f"the learned combination ranked worse ({figures}): scans keep the policy's weights",
        )
    save_combiner(models_dir, combiner)
    return combiner, f"learned on {combiner.n_labels} labels ({combiner.n_fakes} fake), {figures}"
