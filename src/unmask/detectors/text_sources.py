"""Which texts belong to an account: one definition for the batch detectors and the checker."""

from __future__ import annotations

from unmask.model import Snapshot

__all__ = ["approach_texts", "profile_texts"]


def profile_texts(snapshot: Snapshot, account_id: str) -> list[tuple[str, str]]:
    """(source, text) of what the account wrote about itself and in its invitation notes:
    headline, about, position descriptions and the distinct notes it sent. Empty texts are left
    out; an unknown account has none."""
    account = snapshot.accounts.get(account_id)
    if account is None:
        return []
    out = [("headline", account.headline), ("about", account.about)]
    out += [(f"position {i + 1}", p.description) for i, p in enumerate(account.positions)]
    notes = sorted({inv.note for inv in snapshot.invitations_by_sender.get(account_id, ())})
    out += [("invitation note", note) for note in notes]
    return [(source, text) for source, text in out if text.strip()]


def approach_texts(snapshot: Snapshot, account_id: str) -> list[tuple[str, str]]:
    """(source, text) of the invitation notes and messages the account sent, oldest first."""
    if account_id not in snapshot.accounts:
        return []
    items = [(inv.sent_at, f"invitation {inv.id}", inv.note)
             for inv in snapshot.invitations_by_sender.get(account_id, ())]  # fmt: skip
    items += [(m.sent_at, f"message {m.id}", m.body)
              for m in snapshot.messages_by_sender.get(account_id, ())]  # fmt: skip
    return [(source, text) for _, source, text in sorted(items) if text.strip()]
