"""Benign text: invitation notes, everyday messages, genuine recruiters' outreach, profile
'about' sections and report texts. Slots in braces are filled per row."""

from __future__ import annotations

NOTES: tuple[str, ...] = (
    "Hi {first}, great to meet you at the {event} last week. Let's stay in touch.",
    "Hello {first}, we worked together on the {topic} project. Would be good to connect.",
    "Hi {first}, I enjoyed your talk on {topic}. I'd like to add you to my network.",
    "{first}, we were both at {school}. Hope you're well!",
    "Hi {first}, following up on our call about {topic}.",
    "Hi {first}, I'm new to the {topic} team and would love to connect.",
    "Hello {first} - fellow {topic} person here, happy to connect.",
)

EVENTS: tuple[str, ...] = (
    "industry day",
    "conference",
    "workshop",
    "meetup",
    "trade show",
    "webinar",
    "summit",
    "networking breakfast",
)

CHAT: tuple[tuple[str, ...], ...] = (
    ("Thanks for connecting, {first}!", "Likewise, good to be in touch."),
    (
        "Hi {first}, do you have the slides from Tuesday's {topic} session?",
        "Sure, I'll send them over this afternoon.",
        "Got them, thanks a lot.",
    ),
    (
        "Are you going to the {event} in {city} next month?",
        "Yes, I'll be there on the second day. Coffee?",
        "Sounds good, let's do that.",
    ),
    ("Congratulations on the new role, {first}!", "Thank you! Exciting times."),
    (
        "Hi {first}, quick question about {topic}: who on your side owns the budget?",
        "That would be our programme office. I can introduce you.",
        "That would be great.",
    ),
    ("Happy work anniversary, {first}!", "Thanks! Time flies."),
    (
        "Hi {first}, we're hiring a {topic} lead in my team. Know anyone good?",
        "A former colleague might be interested, I'll ask her.",
    ),
)

RECRUITER_NOTES: tuple[str, ...] = (
    "Hi {first}, I'm hiring {role}s for a client in {city}. Open to a chat?",
    "Hello {first}, I recruit {topic} specialists and your background stands out. Happy to "
    "connect.",
    "Hi {first}, I work with several {topic} teams in {city}. Would be great to connect.",
    "{first}, I have a {role} opening that may interest you. Let's connect.",
    "Hi {first}, I'm building a network of {topic} professionals. Connecting here first.",
)

RECRUITER_MESSAGES: tuple[str, ...] = (
    "Thanks for connecting, {first}. The {role} role is permanent, based in {city}, salary "
    "depending on experience. The job description is on our careers page. Interested?",
    "Hi {first}, one of my clients is expanding its {topic} team. Could we have a 15-minute "
    "call this week?",
    "Hi {first}, would you be open to sharing an up-to-date CV? I can then tell you which of "
    "our current {role} vacancies fit.",
    "Thanks {first}. If easier, e-mail me at my work address and I'll send the full spec.",
)

EXPERT_MESSAGES: tuple[str, ...] = (
    "Hi {first}, I run expert calls for an investment research network. A client would like a "
    "one-hour call on {topic} market trends, nothing confidential. We pay 250 USD per hour.",
    "Hi {first}, following up: the call would be about public {topic} market dynamics only. "
    "Our compliance team screens every question first.",
)

REPLIES_YES: tuple[str, ...] = (
    "Thanks, happy to hear more.",
    "Sure, what would it involve?",
    "Interesting, tell me more.",
    "Thanks for reaching out.",
)
REPLIES_NO: tuple[str, ...] = (
    "Thanks, but I'm not looking at the moment.",
    "Not for me, thank you.",
    "I'll pass, thanks.",
)

ABOUT: tuple[str, ...] = (
    "{years} years in {topic}. I enjoy turning complex problems into working solutions.",
    "Experienced {title} with a background in {topic}. Views are my own.",
    "Passionate about {topic} and {topic2}. Always happy to connect with fellow professionals.",
    "{title} at {org}. Previously at {prev}. Interested in {topic} and mentoring.",
    "I lead work on {topic} and {topic2}. Outside work: running, cooking and bad puns.",
)

RECRUITER_ABOUT: tuple[str, ...] = (
    "I help {topic} professionals find their next role. Feel free to connect; I reply to "
    "every message.",
    "{years} years recruiting for {topic} teams across {city} and beyond.",
)

NOISE_REPORTS: tuple[tuple[int, str], ...] = (
    (3, "keeps sending me spam"),
    (0, "this looks fake to me"),
    (6, "annoying"),
    (0, "no photo, probably fake"),
    (3, "unwanted sales messages"),
    (4, "rude message"),
    (6, ""),
    (0, "never heard of this person"),
)

TARGET_REPORTS: tuple[tuple[int, str], ...] = (
    (1, "Unsolicited offer of paid reports, wants to move to a messaging app."),
    (0, "Recruiter profile looks fake, the company does not seem to exist."),
    (1, "Offered to pay for an analysis paper and travel. Reported to our security team."),
    (1, "Asked about my work and colleagues, then offered money."),
    (0, "Photo appears on another profile with a different name."),
    (5, "Too-good-to-be-true job offer with an attachment."),
)
