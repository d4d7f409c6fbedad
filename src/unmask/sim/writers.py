"""Row formatting for the hot record types: numpy columns to plain dicts, in the models'
field order, omitting absent optional fields (as ``model_dump(exclude_none=True)`` would)."""

from __future__ import annotations

from typing import Any

import numpy as np

from unmask.sim.graph import Edges
from unmask.sim.sink import Sink
from unmask.sim.tables import INV_STATUS, REASONS, VIEW_SOURCES, Table, check_unique, chunks
from unmask.sim.util import ip_texts, iso_many, user_agent


def inv_id(value: int) -> str:
    return f"inv-{value:016x}"


def msg_id(value: int) -> str:
    return f"msg-{value:016x}"


def write_connections(sink: Sink, edges: Edges, ids: list[str], size: int = 500_000) -> None:
    for begin in range(0, len(edges), size):
        src = edges.src[begin : begin + size].tolist()
        dst = edges.dst[begin : begin + size].tolist()
        at = iso_many(edges.at[begin : begin + size])
        sink.write(
            "connections",
            (
                {"source": ids[s], "target": ids[d], "created_at": t}
                for s, d, t in zip(src, dst, at, strict=True)
            ),
        )


def write_invitations(sink: Sink, table: Table, ids: list[str]) -> None:
    if not table:
        return
    check_unique(table["id"], "invitation")
    for _, t in chunks(table):
        sent = iso_many(t["sent"])
        resp = iso_many(np.maximum(t["responded"], 0))
        rows: list[dict[str, Any]] = []
        for i, (k, s, r, status, note) in enumerate(
            zip(
                t["id"].tolist(),
                t["sender"].tolist(),
                t["recipient"].tolist(),
                t["status"].tolist(),
                t["note"].tolist(),
                strict=True,
            )
        ):
            row = {
                "id": inv_id(k),
                "sender": ids[s],
                "recipient": ids[r],
                "sent_at": sent[i],
                "note": note,
                "status": INV_STATUS[status],
            }
            if status:
                row["responded_at"] = resp[i]
            rows.append(row)
        sink.write("invitations", rows)


def write_messages(sink: Sink, table: Table, ids: list[str]) -> None:
    if not table:
        return
    check_unique(table["id"], "message")
    for _, t in chunks(table):
        sent = iso_many(t["sent"])
        rows: list[dict[str, Any]] = []
        for i, (k, s, r, body, att) in enumerate(
            zip(
                t["id"].tolist(),
                t["sender"].tolist(),
                t["recipient"].tolist(),
                t["body"].tolist(),
                t["attach"].tolist(),
                strict=True,
            )
        ):
            a, b = (s, r) if s < r else (r, s)
            row = {
                "id": msg_id(k),
                "sender": ids[s],
                "recipient": ids[r],
                "sent_at": sent[i],
                "body": body,
                "thread_id": f"th-{ids[a]}-{ids[b]}",
                "attachments": list(att) if att else [],
            }
            rows.append(row)
        sink.write("messages", rows)


def write_logins(sink: Sink, table: Table, ids: list[str]) -> None:
    for begin, t in chunks(table, 1_000_000):
        at = iso_many(t["at"])
        ips = ip_texts(t["ip"])
        sink.write(
            "logins",
            (
                {
                    "id": f"login-{begin + i:010d}",
                    "account_id": ids[a],
                    "at": at[i],
                    "ip": ips[i],
                    "user_agent": user_agent(u),
                    "success": ok,
                }
                for i, (a, u, ok) in enumerate(
                    zip(t["account"].tolist(), t["ua"].tolist(), t["success"].tolist(), strict=True)
                )
            ),
        )


def write_views(sink: Sink, table: Table, ids: list[str]) -> None:
    for begin, t in chunks(table, 1_000_000):
        at = iso_many(t["at"])
        ips = ip_texts(t["ip"])
        rows: list[dict[str, Any]] = []
        for i, (v, w, src, q) in enumerate(
            zip(
                t["viewer"].tolist(),
                t["viewed"].tolist(),
                t["source"].tolist(),
                t["query"].tolist(),
                strict=True,
            )
        ):
            row: dict[str, Any] = {"id": f"view-{begin + i:010d}"}
            if v >= 0:
                row["viewer"] = ids[v]
            row["viewed"] = ids[w]
            row["at"] = at[i]
            if v < 0:
                row["ip"] = ips[i]
            row["source"] = VIEW_SOURCES[src]
            if q is not None:
                row["query"] = q
            rows.append(row)
        sink.write("profile_views", rows)


def write_endorsements(sink: Sink, table: Table, ids: list[str]) -> None:
    for begin, t in chunks(table, 1_000_000):
        at = iso_many(t["at"])
        sink.write(
            "endorsements",
            (
                {
                    "id": f"end-{begin + i:010d}",
                    "endorser": ids[a],
                    "endorsee": ids[b],
                    "skill": s,
                    "at": at[i],
                }
                for i, (a, b, s) in enumerate(
                    zip(
                        t["endorser"].tolist(),
                        t["endorsee"].tolist(),
                        t["skill"].tolist(),
                        strict=True,
                    )
                )
            ),
        )


def write_reports(sink: Sink, table: Table, ids: list[str]) -> None:
    if not table:
        return
    at = iso_many(table["at"])
    rows: list[dict[str, Any]] = []
    for i, (a, b, reason, text, inv, msg) in enumerate(
        zip(
            table["reporter"].tolist(),
            table["reported"].tolist(),
            table["reason"].tolist(),
            table["text"].tolist(),
            table["inv"].tolist(),
            table["msg"].tolist(),
            strict=True,
        )
    ):
        row: dict[str, Any] = {
            "id": f"rep-{i:08d}",
            "reporter": ids[a],
            "reported": ids[b],
            "created_at": at[i],
            "reason": REASONS[reason],
            "text": text,
        }
        if inv:
            row["invitation_id"] = inv_id(inv)
        if msg:
            row["message_id"] = msg_id(msg)
        rows.append(row)
    sink.write("reports", rows)
