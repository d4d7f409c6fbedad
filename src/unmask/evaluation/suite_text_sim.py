"""``approach_language`` and ``text_origin`` on a simulated network. SYNTHETIC.

The simulator (``unmask.sim``) writes the invitation notes and messages of planted campaigns and
of genuine members from templates its authors wrote; these figures show the plumbing works end
to end and how the cues rank text whose generator we wrote. They say nothing about real-world
quality. Rows:

- ``approach_language`` ``rules``: the untrained rule score over every account that sent a note
  or message;
- ``approach_language`` ``campaignkfold5``: the (opt-in) trained model, 5-fold ``GroupKFold``
  where all fake accounts of one campaign share a group (genuine accounts are their own group);
- ``text_origin`` ``untrained``: placeholders, stock phrasing and near-duplicate text only.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np

from unmask.evaluation.rows import EvalRow, binary_metrics

SUITE = "text_sim"
REQUIRES: tuple[str, ...] = ()
MEMBERS = 5_000
SEED = 2027


def run(data: Path, members: int = MEMBERS, seed: int = SEED) -> list[EvalRow]:
    del data  # simulates its own network
    from sklearn.model_selection import GroupKFold

    from unmask.detectors.approach_language import ApproachLanguage
    from unmask.detectors.text_origin import TextOrigin
    from unmask.engine.sources import snapshot_from_dir
    from unmask.sim import simulate

    split = f"synthetic {members} members seed {seed}"
    with tempfile.TemporaryDirectory(prefix="unmask-textsim-") as tmp:
        folder = Path(tmp)
        simulate(members, seed, folder)
        snapshot = snapshot_from_dir(folder)
        campaign_of = {a: c["id"] for c in json.loads((folder / "campaigns.json").read_text())
                       for a in [*c["personas"], *c["supporters"]]}  # fmt: skip
    fake = {lb.account_id: lb.label.value == "fake" for lb in snapshot.labels}
    rows: list[EvalRow] = []
    approach = ApproachLanguage()
    found = [f for f in approach.detect(snapshot) if f.score is not None]
    subjects = [f.subject for f in found]
    y = [int(fake.get(s, False)) for s in subjects]
    rows += binary_metrics(approach.name, SUITE, f"rules {split}", y,
                           [f.score or 0.0 for f in found], probabilities=False)  # fmt: skip
    groups = [campaign_of.get(s, s) for s in subjects]
    p = np.zeros(len(subjects))
    for tr, te in GroupKFold(n_splits=5).split(subjects, y, groups):
        model = ApproachLanguage(train_model=True).fit(
            snapshot, {subjects[i]: bool(y[i]) for i in tr}
        )
        scored = model.detect(snapshot, [subjects[i] for i in te])
        p[te] = [f.score or 0.0 for f in scored]
    rows += binary_metrics(approach.name, SUITE, f"campaignkfold5 {split}", y, p.tolist())
    origin = TextOrigin()
    found = [f for f in origin.detect(snapshot) if f.score is not None]
    rows += binary_metrics(origin.name, SUITE, f"untrained {split}",
                           [int(fake.get(f.subject, False)) for f in found],
                           [f.score or 0.0 for f in found], probabilities=False)  # fmt: skip
    return rows


if __name__ == "__main__":  # pragma: no cover - manual run
    for row in run(Path(".")):
        print(f"{row.detector:18s} {row.split:40s} {row.metric:16s} {row.value:.4f}  n={row.n}")
