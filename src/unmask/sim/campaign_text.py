"""Campaign wording: notes and the approach ladder (flattery -> paid work -> travel -> off the
platform), several variants per archetype and stage, with slots, so that no fixed string marks
a campaign. One campaign reuses its chosen note template for all its targets."""

from __future__ import annotations

import random

NOTES: dict[str, tuple[str, ...]] = {
    "headhunter": (
        "Dear {first}, I came across your profile and was impressed by your experience at "
        "{org}. I represent a client seeking senior expertise in {topic}. Let's connect.",
        "Hello {first}, as an international headhunter I look for outstanding talents like you "
        "in {topic}. It would be my honour to connect.",
        "Hi {first}, your career at {org} is remarkable. I have a flexible, well-paid "
        "opportunity in {topic} that may suit you.",
    ),
    "think_tank": (
        "Dear {first}, I read your recent work on {topic} with great interest. I am a fellow at "
        "{firm} and would value your perspective.",
        "Hello {first}, we have several mutual contacts in the {topic} community. I would be "
        "glad to connect and exchange views.",
        "Dear {first}, {firm} is convening a small expert group on {topic}. Your insight from "
        "{org} would be very welcome.",
    ),
    "consultancy": (
        "Hi {first}, {firm} advises clients on {topic}. Your experience at {org} is exactly "
        "what our clients value. Open to a short consulting project?",
        "Hello {first}, we are expanding our network of independent experts in {topic}. Paid "
        "assignments, fully remote. Interested?",
        "Dear {first}, I lead a small advisory practice at {firm}. Our client needs an expert "
        "view on {topic} and your profile fits perfectly.",
    ),
    "recruiter_ring": (
        "Hi {first}, I am recruiting for a senior {topic} position with excellent package. "
        "Your profile at {org} is a great fit.",
        "Hello {first}, our client is a leading company in {topic} and is hiring now. Can I "
        "share the role with you?",
        "Dear {first}, I found your profile while searching for {topic} experts. I have an "
        "exciting opportunity to discuss.",
    ),
    "dream_job": (
        "Hi {first}, I'm a talent partner at {firm}. We have an urgent opening for a senior "
        "{topic} engineer with relocation and a top salary.",
        "Hello {first}, {firm} is growing its {topic} programme. Your background at {org} "
        "makes you an ideal candidate.",
        "Dear {first}, I'm recruiting for {firm}'s advanced projects group. Would you consider "
        "a confidential conversation about a lead {topic} role?",
    ),
    "photographer": (
        "Hi {first}, I'm a photographer working on a series about people in {topic}. I love "
        "your profile, would be glad to connect.",
        "Hello {first}, I travel a lot for my photography and often meet people in {topic}. "
        "Let's connect!",
    ),
}

STAGES: dict[str, tuple[str, ...]] = {
    "flattery": (
        "Thank you for accepting, {first}. Honestly, people with your depth of knowledge in "
        "{topic} are very rare. Your work at {org} must be fascinating.",
        "Great to be connected, {first}. I have followed your career and you are clearly one of "
        "the leading experts on {topic}.",
        "Thanks {first}! I was very impressed by your background. Few people understand "
        "{topic} from the inside like you do.",
    ),
    "offer": (
        "My client would like a short report of {pages} pages on {topic}, and pays {fee} USD "
        "for it. Long-term cooperation is possible.",
        "We can offer {fee} USD for a {pages}-page analysis on current developments in {topic}. "
        "Nothing secret, just your personal views and some insight into how {org} works.",
        "Our clients overseas are interested in your views on {topic}. For a paper of about "
        "{pages} pages we pay {fee} USD, and more for follow-up work.",
        "We would also pay a referral fee for each colleague from {org} who joins our expert "
        "network. Could you tell me who works on {topic} in your team?",
    ),
    "job": (
        "Thanks for connecting, {first}. Please find the role description attached. The "
        "package is well above market and includes relocation. Kindly review it on your work "
        "computer and let me know.",
        "As promised, attached is the position overview for the {topic} lead role. Please open "
        "it and complete the short skills form inside.",
        "Our hiring manager was impressed by your profile. The attached document explains the "
        "next steps of the interview process.",
    ),
    "travel": (
        "My client would like to meet you in person. All travel and hotel costs are covered, "
        "of course. Would next month suit you?",
        "We are organising a small seminar abroad for experts like you. Flights and a generous "
        "honorarium are included.",
        "It would be easier to discuss details face to face. We can invite you for a short "
        "trip, everything paid.",
    ),
    "offplatform": (
        "This site is not convenient for me. Could we continue on {channel}? My number is "
        "{handle}.",
        "Please add me on {channel} so we can talk more freely: {handle}.",
        "I will send the details by e-mail, it is more secure. Write to me at {handle}.",
        "Let's move to {channel}, I check it more often. {handle}",
    ),
}

PHOTO_CHAT: tuple[str, ...] = (
    "Thanks for connecting, {first}! Do you also like photography? I just came back from a "
    "shoot and would love to hear about your work in {topic}.",
    "I'm preparing an exhibition about people in {topic}. Could I ask you a few questions?",
)

ATTACHMENTS: dict[str, tuple[str, ...]] = {
    "recruiter_ring": ("Job_Description.docx", "Position_Details.doc", "Salary_Survey.xlsm"),
    "dream_job": ("JD_Senior_Engineer.pdf.zip", "Role_Overview.docx", "Skill_Assessment.iso"),
    "photographer": ("Survey_Questions.docx", "Exhibition_Invitation.doc"),
}

CHANNELS: tuple[str, ...] = ("WhatsApp", "Signal", "Telegram", "WeChat", "personal e-mail")
FEES: tuple[int, ...] = (1500, 1800, 2000, 2500, 3000, 3500, 5000)


def broken(text: str, r: random.Random) -> str:
    """Awkward, non-native English: dropped articles, stiff phrasing."""
    swaps = (
        ("I would like to", "I want"),
        ("It would be", "Is"),
        ("Thank you", "Thanks you"),
        ("opportunity", "oppotunity"),
        ("interested in", "interesting in"),
        (" the ", " "),
        (" a ", " "),
        ("Let's", "Lets"),
    )
    for old, new in swaps:
        if old in text and r.random() < 0.6:
            text = text.replace(old, new, 1)
    return text


def handle(channel: str, first: str, last: str, r: random.Random) -> str:
    if channel == "personal e-mail":
        domain = r.choice(("gmail.com", "outlook.com", "proton.me"))
        return f"{first.lower()}.{last.lower()}{r.randrange(10, 99)}@{domain}"
    return f"+{r.randrange(30, 90)} {r.randrange(100, 999)} {r.randrange(100000, 999999)}"
