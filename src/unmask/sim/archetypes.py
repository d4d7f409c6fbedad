"""The campaign archetypes, each modelled on cases in TRADECRAFT.md."""

from __future__ import annotations

from dataclasses import dataclass

from unmask.model.enums import Sector


@dataclass(frozen=True, slots=True)
class Archetype:
    name: str
    leaders: tuple[int, int]
    supporters: tuple[int, int]  # per campaign, or per leader for rings
    fronts: tuple[int, int]
    front_sector: Sector
    imitate: float  # chance a front borrows a real firm's name
    cover: Sector | None  # claims a real organisation of this sector instead of a front
    targets: tuple[Sector, ...]
    invites: tuple[int, int]  # per leader at full scale
    accept: float
    broken: float  # chance the campaign writes awkward English
    titles: tuple[str, ...]
    supporter_titles: tuple[str, ...]
    skills: tuple[str, ...]
    stages: tuple[str, ...]
    about: str


ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "headhunter",
        (2, 4),
        (0, 2),
        (1, 1),
        Sector.RECRUITING,
        0.3,
        None,
        (Sector.GOVERNMENT, Sector.THINK_TANK, Sector.SECURITY),
        (40, 120),
        0.3,
        0.7,
        ("Headhunter", "Executive Search Consultant", "Recruitment Consultant"),
        ("Sourcing Specialist", "Recruiter"),
        ("Executive Search", "Talent Acquisition", "Recruiting", "Sourcing"),
        ("flattery", "offer", "travel", "offplatform"),
        "International headhunter connecting outstanding talents with global clients in "
        "{topic}. Flexible cooperation, generous rewards.",
    ),
    Archetype(
        "think_tank",
        (1, 3),
        (0, 2),
        (0, 1),
        Sector.THINK_TANK,
        0.0,
        Sector.THINK_TANK,
        (Sector.GOVERNMENT, Sector.THINK_TANK, Sector.SECURITY, Sector.MEDIA),
        (40, 150),
        0.35,
        0.1,
        ("Research Fellow", "Visiting Fellow", "Senior Fellow"),
        ("Research Analyst", "Programme Officer"),
        ("International Relations", "Security Policy", "Geopolitics", "Arms Control"),
        ("flattery", "offer", "travel", "offplatform"),
        "Fellow working on {topic} and transatlantic security. Keen to build bridges between "
        "policy makers and researchers.",
    ),
    Archetype(
        "consultancy",
        (2, 4),
        (1, 3),
        (2, 4),
        Sector.CONSULTING,
        0.7,
        None,
        (Sector.GOVERNMENT, Sector.DEFENCE, Sector.SECURITY),
        (40, 120),
        0.25,
        0.3,
        ("Senior Consultant", "Partner", "Director"),
        ("Associate Consultant", "Business Analyst"),
        ("Management Consulting", "Public Sector Consulting", "Business Strategy", "Due Diligence"),
        ("flattery", "offer", "offer", "travel", "offplatform"),
        "Independent advisory firm serving international clients on {topic}. We work with a "
        "global network of senior experts.",
    ),
    Archetype(
        "recruiter_ring",
        (3, 6),
        (3, 5),
        (1, 2),
        Sector.RECRUITING,
        0.5,
        None,
        (Sector.TELECOM, Sector.GOVERNMENT, Sector.DEFENCE),
        (250, 600),
        0.35,
        0.5,
        ("Recruiter", "Recruitment Consultant", "Head of Talent"),
        ("Sourcing Specialist", "Recruiter"),
        ("Recruiting", "Talent Acquisition", "Sourcing", "Boolean Search"),
        ("flattery", "job", "offplatform"),
        "Recruiting top {topic} talent for leading companies. Excellent packages and "
        "relocation support.",
    ),
    Archetype(
        "dream_job",
        (2, 4),
        (0, 1),
        (0, 0),
        Sector.RECRUITING,
        0.0,
        Sector.AEROSPACE,
        (Sector.AEROSPACE, Sector.DEFENCE),
        (40, 150),
        0.35,
        0.2,
        ("Talent Acquisition Partner", "Technical Recruiter", "Head of Talent"),
        ("Sourcing Specialist",),
        ("Technical Recruiting", "Talent Acquisition", "Sourcing", "Employer Branding"),
        ("flattery", "job", "offplatform"),
        "Talent acquisition for advanced {topic} programmes. Always looking for exceptional "
        "engineers.",
    ),
    Archetype(
        "photographer",
        (1, 1),
        (0, 0),
        (0, 0),
        Sector.MEDIA,
        0.0,
        None,
        (Sector.ENERGY, Sector.AEROSPACE, Sector.TELECOM, Sector.GOVERNMENT, Sector.DEFENCE),
        (60, 160),
        0.45,
        0.0,
        ("Photographer",),
        (),
        ("Photography", "Social Media", "Editing", "Copywriting"),
        ("photo", "photo", "offplatform", "document"),
        "Photographer. Portraits of people at work in {topic} and beyond. Coffee lover.",
    ),
)

BY_NAME: dict[str, Archetype] = {a.name: a for a in ARCHETYPES}
