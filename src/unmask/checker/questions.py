"""Questions a member can ask themselves about an approach.

Written for unmask from the hallmarks of hostile approaches (recognise, realise, report, remove).
They are **not** an official instrument of any agency or campaign. Each question has a stable id;
a "yes" answer is a cue the checker counts (see ``cues.answer_cues``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    why: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "flattery",
        "Did they praise your expertise or career more than a stranger reasonably would?",
        "Flattery is the usual opening: it makes the next request feel like recognition.",
    ),
    Question(
        "large_offer",
        "Did they offer money, a fee or a package that seems well above the going rate?",
        "Pay far above market for a short report or 'analysis' is a recurring hallmark.",
    ),
    Question(
        "off_platform",
        "Did they ask to move the conversation to another app, a phone call or private e-mail?",
        "Moving off the platform removes the protections and the record the platform keeps.",
    ),
    Question(
        "vague_employer",
        "Is their employer or client vague, new, unnamed or hard to verify?",
        "Fronts use invented firms, 'clients in Asia' or names borrowed from real companies.",
    ),
    Question(
        "insider",
        "Did they ask about non-public work, your colleagues, your team or your clearance?",
        "Requests drift from public views to insider detail and to who else might help.",
    ),
    Question(
        "travel",
        "Did they offer paid travel, a trip abroad or a meeting in person?",
        "Paid trips move the relationship to where it is easier to recruit or pressure you.",
    ),
    Question(
        "document",
        "Did they send a document or link and ask you to open it, perhaps on a work computer?",
        "Documents and links from new contacts are a common route for malware.",
    ),
    Question(
        "mutual_contacts",
        "Are you trusting them mainly because of mutual contacts or a senior name in common?",
        "A shared contact proves nothing: fakes collect senior contacts to borrow credibility.",
    ),
)

QUESTION_IDS: frozenset[str] = frozenset(q.id for q in QUESTIONS)
