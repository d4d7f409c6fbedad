"""Per-sector vocabulary: organisation names, job titles, skills and the share of members."""

from __future__ import annotations

from dataclasses import dataclass

from unmask.model.enums import Sector


@dataclass(frozen=True, slots=True)
class SectorVocab:
    sector: Sector
    share: float  # share of members working in the sector
    names: tuple[str, ...]  # name patterns; {s} is a stem word
    titles: tuple[str, ...]
    senior: tuple[str, ...]
    skills: tuple[str, ...]
    tld: str = "com"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STEMS: tuple[str, ...] = _words(
    """
    Aldergate Brightwater Cobalt Dunmore Everline Fairmont Granite Halcyon Ironbridge
    Juniper Kestrel Larkspur Meridian Northwind Oakhurst Pinnacle Quayside Redfern
    Silverline Tidewater Upland Vantage Westbrook Yarrow Zenith Arden Beacon Cedar Delta
    Ember Falcon Glenmore Harbour Indigo Jasper Keystone Lumen Marlin Nimbus Orchard Pioneer
    Quarry Ravenwood Sterling Talon Unity Vector Wexford Amberley Bramble Caldera Drummond
    Elmstead Foxley Gatwick Hollins Ivory Kingsley Lockwood Mayfair Norbury Oxley Parkside
    Radley Sheridan Thornton Vale Whitcombe
    """
)


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


_GENERIC_SKILLS = _t(
    "Project Management|Leadership|Stakeholder Management|Microsoft Excel|Public Speaking|"
    "Team Management|Strategic Planning|Negotiation"
)

VOCAB: tuple[SectorVocab, ...] = (
    SectorVocab(
        Sector.DEFENCE,
        0.06,
        _t(
            "{s} Defence Systems|{s} Dynamics|{s} Munitions|{s} Naval Systems|{s} Mission Solutions"
        ),
        _t(
            "Systems Engineer|Software Engineer|Test Engineer|Programme Manager|Integration"
            " Engineer|Requirements Engineer|Logistics Analyst"
        ),
        _t("Chief Engineer|Head of Programmes|Director of Engineering"),
        _t(
            "Systems Engineering|MBSE|Radar|Embedded Systems|DO-178C|Electronic "
            "Warfare|Security Clearance|Verification and Validation"
        ),
    ),
    SectorVocab(
        Sector.AEROSPACE,
        0.05,
        _t("{s} Aerospace|{s} Aviation|{s} Space Systems|{s} Propulsion|{s} Avionics"),
        _t(
            "Aerospace Engineer|Propulsion Engineer|Avionics Engineer|Flight Test "
            "Engineer|Stress Engineer|UAV Engineer|GNC Engineer"
        ),
        _t("Chief Designer|Head of Flight Test|VP Engineering"),
        _t(
            "CATIA|Aerodynamics|Composites|Avionics|UAV|Flight Test|Finite Element "
            "Analysis|Propulsion"
        ),
    ),
    SectorVocab(
        Sector.GOVERNMENT,
        0.09,
        _t(
            "Ministry of Defence, {c}|Ministry of Foreign Affairs, {c}|Cabinet Office, "
            "{c}|Parliament of {c}|Ministry of the Interior, {c}|Department of Energy, "
            "{c}|Treasury, {c}|Department of Trade, {c}|{s} City Council|{s} County "
            "Council|Office of {s} Policy"
        ),
        _t(
            "Policy Adviser|Civil Servant|Parliamentary Researcher|Analyst|Private "
            "Secretary|Senior Executive Officer|Diplomat"
        ),
        _t("Deputy Director|Director General|Head of Unit"),
        _t(
            "Policy Analysis|Public Policy|Legislative "
            "Drafting|Briefing|Diplomacy|Government Relations|Security "
            "Clearance|Procurement"
        ),
        "gov",
    ),
    SectorVocab(
        Sector.SECURITY,
        0.02,
        _t(
            "Security Service, {c}|National Cyber Security Centre, {c}|Defence "
            "Intelligence, {c}|{s} Protective Security Agency|{s} Vetting Authority"
        ),
        _t(
            "Security Analyst|Intelligence Analyst|Investigator|Vetting Officer|Threat "
            "Analyst|Protective Security Adviser"
        ),
        _t("Head of Analysis|Deputy Director|Head of Counter-Intelligence"),
        _t(
            "Threat Intelligence|Counter-Intelligence|Vetting|Risk "
            "Assessment|OSINT|Security Clearance|Incident Response"
        ),
        "gov",
    ),
    SectorVocab(
        Sector.PHARMACEUTICALS,
        0.05,
        _t("{s} Pharma|{s} Therapeutics|{s} Biologics|{s} Life Sciences"),
        _t(
            "Research Scientist|Clinical Research Associate|Formulation "
            "Scientist|Regulatory Affairs Specialist|Medicinal Chemist|QA Specialist"
        ),
        _t("Head of R&D|Principal Scientist|VP Clinical Development"),
        _t(
            "Drug Discovery|GMP|Clinical Trials|Regulatory Affairs|HPLC|Biologics|Medicinal"
            " Chemistry|Vaccines"
        ),
    ),
    SectorVocab(
        Sector.ENERGY,
        0.05,
        _t("{s} Energy|{s} Power|{s} Oil and Gas|{s} Renewables|{s} Nuclear"),
        _t(
            "Process Engineer|Reservoir Engineer|Grid Engineer|Commercial Analyst|HSE "
            "Adviser|Nuclear Safety Engineer|Control Engineer"
        ),
        _t("Head of Operations|Chief Technology Officer|Plant Director"),
        _t(
            "Oil and Gas|SCADA|Power Systems|Nuclear Safety|Renewables|Process "
            "Engineering|HAZOP|Energy Trading"
        ),
    ),
    SectorVocab(
        Sector.TELECOM,
        0.05,
        _t("{s} Telecom|{s} Networks|{s} Mobile|{s} Communications"),
        _t(
            "Network Engineer|RF Engineer|Core Network Architect|NOC Engineer|Solutions "
            "Architect|Network Security Engineer"
        ),
        _t("Head of Network Engineering|CTO|Director of Operations"),
        _t("LTE|5G|IP Networking|Network Security|RF Planning|BGP|Optical Networks|VoIP"),
    ),
    SectorVocab(
        Sector.ACADEMIA,
        0.08,
        _t("{s} University|University of {s}|{s} Institute of Technology|{s} College"),
        _t(
            "Lecturer|Postdoctoral Researcher|PhD Candidate|Research Fellow|Senior "
            "Lecturer|Research Assistant"
        ),
        _t("Professor|Head of Department|Dean"),
        _t(
            "Research|Teaching|Grant Writing|Academic Writing|Statistics|Python|Machine "
            "Learning|Peer Review"
        ),
        "ac.uk",
    ),
    SectorVocab(
        Sector.TECHNOLOGY,
        0.16,
        _t("{s} Software|{s} Labs|{s} Technologies|{s} Cloud|{s} Analytics|{s} Digital"),
        _t(
            "Software Engineer|Data Scientist|Product Manager|DevOps Engineer|Frontend "
            "Developer|Site Reliability Engineer|UX Designer"
        ),
        _t("Engineering Manager|CTO|VP Product"),
        _t("Python|Java|Kubernetes|AWS|Machine Learning|React|SQL|Go|Distributed Systems|Agile"),
    ),
    SectorVocab(
        Sector.FINANCE,
        0.1,
        _t("{s} Capital|{s} Bank|{s} Asset Management|{s} Insurance|{s} Partners"),
        _t(
            "Analyst|Associate|Risk Manager|Portfolio Manager|Accountant|Compliance "
            "Officer|Quantitative Analyst"
        ),
        _t("Managing Director|CFO|Head of Risk"),
        _t(
            "Financial Modeling|Risk "
            "Management|Accounting|Valuation|Compliance|Bloomberg|Portfolio Management|AML"
        ),
    ),
    SectorVocab(
        Sector.CONSULTING,
        0.05,
        _t("{s} Consulting|{s} Advisory|{s} Consulting Group|{s} & Partners|{s} Strategy"),
        _t("Consultant|Senior Consultant|Business Analyst|Manager|Associate Consultant"),
        _t("Partner|Principal|Director"),
        _t(
            "Management Consulting|Business Strategy|Change Management|Due "
            "Diligence|Operating Models|Public Sector Consulting"
        ),
    ),
    SectorVocab(
        Sector.RECRUITING,
        0.03,
        _t("{s} Recruitment|{s} Talent|{s} Search|{s} Executive Search|{s} People"),
        _t(
            "Recruiter|Talent Acquisition Partner|Technical Recruiter|Recruitment "
            "Consultant|Sourcing Specialist|Headhunter|Executive Search Consultant"
        ),
        _t("Head of Talent|Managing Partner|Director of Executive Search"),
        _t(
            "Recruiting|Talent Acquisition|Executive Search|Sourcing|Technical "
            "Recruiting|Employer Branding|Boolean Search"
        ),
    ),
    SectorVocab(
        Sector.THINK_TANK,
        0.015,
        _t(
            "{s} Institute|{s} Centre for Strategic Studies|{s} Policy Forum|{s} Foundation"
            " for International Affairs"
        ),
        _t("Research Fellow|Senior Fellow|Research Analyst|Programme Officer|Visiting Fellow"),
        _t("Director of Studies|Senior Fellow|President"),
        _t(
            "International Relations|Policy Analysis|Geopolitics|Security "
            "Policy|Research|Arms Control|Writing"
        ),
        "org",
    ),
    SectorVocab(
        Sector.MEDIA,
        0.03,
        _t("{s} Media|{s} News|{s} Publishing|{s} Press"),
        _t("Journalist|Editor|Producer|Correspondent|Content Strategist|Photographer"),
        _t("Editor-in-Chief|Head of News|Publisher"),
        _t("Journalism|Editing|Copywriting|Broadcasting|Social Media|Photography"),
    ),
    SectorVocab(
        Sector.HEALTH,
        0.07,
        _t("{s} Health|{s} Hospital|{s} Clinic|{s} Medical Group"),
        _t(
            "Nurse|Physician|Clinical Pharmacist|Radiographer|Healthcare "
            "Administrator|Physiotherapist"
        ),
        _t("Medical Director|Head of Nursing|Chief Executive"),
        _t("Patient Care|Clinical Research|Healthcare Management|Nursing|Medical Education"),
    ),
    SectorVocab(
        Sector.RETAIL,
        0.07,
        _t("{s} Retail|{s} Stores|{s} Foods|{s} Logistics|{s} Brands"),
        _t(
            "Store Manager|Buyer|Merchandiser|Supply Chain Analyst|E-commerce "
            "Manager|Marketing Manager"
        ),
        _t("Head of Buying|Operations Director|Chief Marketing Officer"),
        _t("Retail|Merchandising|Supply Chain|E-commerce|Marketing|Customer Service"),
    ),
    SectorVocab(
        Sector.OTHER,
        0.075,
        _t("{s} Group|{s} Services|{s} Holdings|{s} & Co"),
        _t(
            "Administrator|Operations Manager|Account Manager|Sales Executive|Office "
            "Manager|Marketing Executive"
        ),
        _t("Managing Director|General Manager|Owner"),
        _t("Sales|Customer Relationship Management|Operations|Marketing|Business Development"),
    ),
)

BY_SECTOR: dict[Sector, SectorVocab] = {v.sector: v for v in VOCAB}
GENERIC_SKILLS: tuple[str, ...] = _GENERIC_SKILLS


def topics_of(vocab: SectorVocab) -> tuple[str, ...]:
    """Subjects a message can be about: the sector's skills, less the clearance itself."""
    return _TOPICS[vocab.sector]


def skills_of(vocab: SectorVocab) -> tuple[str, ...]:
    """The skill list members of a sector draw from (sector skills, then generic ones)."""
    return vocab.skills + GENERIC_SKILLS


_TOPICS: dict[Sector, tuple[str, ...]] = {
    v.sector: tuple(s for s in v.skills if s != "Security Clearance") for v in VOCAB
}
