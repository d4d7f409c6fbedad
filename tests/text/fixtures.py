"""Small hand-written snapshots for the text detector tests (no real data)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from unmask.model import Account, Invitation, Message, Position, Snapshot

T0 = datetime(2026, 1, 1, tzinfo=UTC)

HUMAN_ABOUTS = (
    "Hydraulics fitter, 12 yrs on offshore rigs. Mostly pumps and valves, some welding. Ask me "
    "about North Sea winters.",
    "I run the night shift at a bakery in Leeds and coach under-12s football at weekends.",
    "PhD student in soil chemistry. Stuck on a chapter about nitrogen uptake, send coffee.",
    "Accountant. Small firms, sole traders, VAT returns. I answer e-mails slower than I'd like.",
    "Ex-army signaller, now doing network cabling for schools around Cardiff.",
    "Nurse on a cardiac ward. Interested in rota software that doesn't make me cry.",
    "Teach maths at a comprehensive; run the chess club; occasionally write bad poetry.",
    "Junior dev, mostly PHP and some Go. Broke production once, learned a lot.",
    "Warehouse supervisor. Forklift instructor. Dad of three, all louder than the forklifts.",
    "Freelance translator (German/English), technical manuals mostly, some patents.",
    "Bus mechanic for the council. Diesel, now learning the electric ones.",
    "Retired surveyor, still do the odd boundary dispute for friends.",
)
GENERATED_ABOUTS = (
    "Results-driven professional passionate about leveraging cutting-edge solutions to foster "
    "innovation and drive transformative outcomes across a dynamic global landscape.",
    "A visionary leader spearheading strategic initiatives that empower stakeholders and cultivate "
    "a vibrant ecosystem of collaborative excellence.",
    "Dedicated to delivering exceptional value through a holistic, meticulous approach that "
    "seamlessly aligns innovative strategy with impactful execution.",
    "Navigating the intricate landscape of global talent, I harness actionable insights to unlock "
    "unparalleled opportunities for esteemed professionals.",
    "With an unwavering commitment to excellence, I foster robust partnerships that elevate "
    "organisations to the forefront of their industries.",
    "Passionate about empowering exceptional individuals to embark on transformative career "
    "journeys within a dynamic, collaborative ecosystem.",
    "A proactive, results-driven strategist who thrives at the intersection of innovation and "
    "impactful, best-in-class execution.",
    "Committed to cultivating world-class talent pipelines and delivering seamless, comprehensive "
    "solutions that resonate with stakeholders.",
    "Leveraging a multifaceted skill set to spearhead pivotal initiatives and showcase a "
    "testament to strategic excellence.",
    "Dedicated to fostering synergies that unlock transformative value for visionary clients in a "
    "rapidly evolving landscape.",
    "An innovative, collaborative professional harnessing cutting-edge insights to elevate "
    "organisational impact and drive sustainable growth.",
    "Thriving in dynamic environments, I deliver robust, holistic strategies that empower teams "
    "and stakeholders alike.",
)
TEMPLATE = (
    "Senior partner at a global executive search firm. I connect exceptional leaders with "
    "confidential board-level opportunities across defence, energy and government."
)


def account(aid: str, about: str = "", headline: str = "", description: str = "") -> Account:
    positions = (Position(employer="Acme", title="Staff", description=description),)
    return Account(id=aid, created_at=T0 - timedelta(days=100), name=f"Member {aid}",
                   headline=headline, about=about,
                   positions=positions if description else ())  # fmt: skip


def labelled_snapshot() -> tuple[Snapshot, dict[str, bool]]:
    """24 accounts with an about each: 12 human-written, 12 generated-sounding."""
    accounts = [account(f"h{i}", about=t) for i, t in enumerate(HUMAN_ABOUTS)]
    accounts += [account(f"g{i}", about=t) for i, t in enumerate(GENERATED_ABOUTS)]
    labels = {a.id: a.id.startswith("g") for a in accounts}
    return Snapshot(accounts={a.id: a for a in accounts}, as_of=T0), labels


def approach_snapshot() -> Snapshot:
    accounts = [account("persona"), account("friend"), account("target"), account("silent")]
    invites = [
        Invitation(id="i1", sender="persona", recipient="target", sent_at=T0,
                   note="Impressed by your profile. My client in Asia pays $2,000 per report."),
        Invitation(id="i2", sender="friend", recipient="target", sent_at=T0,
                   note="Good to meet you at the standards meeting in Delft last week."),
    ]  # fmt: skip
    msgs = [
        Message(id="m1", sender="persona", recipient="target", sent_at=T0 + timedelta(hours=1),
                body="Continue on WhatsApp? Please send your CV and keep this confidential."),
    ]  # fmt: skip
    return Snapshot(accounts={a.id: a for a in accounts}, invitations=invites, messages=msgs,
                    as_of=T0)  # fmt: skip
