"""A campaign as the exchange formats see it: pure data, whatever storage campaigns live in.

``CampaignExport`` is filled by a loader (``unmask.intel.repo.load_campaign`` reads the store) and
rendered by ``formats.stix_out`` and ``formats.misp``. Only shareable intelligence goes in:
TLP:RED indicators are dropped here, before any format sees them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from unmask.intel.indicators import dedupe, shareable
from unmask.model.enums import Tlp
from unmask.model.records import Account, Indicator

#: ATT&CK techniques of a fake-persona campaign on a professional network.
TECHNIQUES: dict[str, str] = {
    "T1585.001": "Establish Accounts: Social Media Accounts",
    "T1566.003": "Phishing: Spearphishing via Service",
    "T1593.001": "Search Open Websites/Domains: Social Media",
}


@dataclass(frozen=True)
class CampaignExport:
    id: str
    name: str
    created: datetime
    personas: Sequence[Account]
    indicators: Sequence[Indicator]
    description: str = ""
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    tlp: Tlp = Tlp.AMBER
    techniques: tuple[str, ...] = tuple(TECHNIQUES)
    withheld: int = field(default=0)  # TLP:RED indicators left out

    @classmethod
    def build(
        cls,
        id: str,
        personas: Sequence[Account],
        indicators: Sequence[Indicator],
        created: datetime,
        **kw: object,
    ) -> CampaignExport:
        unique = dedupe(indicators)
        kept = [i for i in unique if shareable(i.tlp)]
        kw.setdefault("name", id)
        return cls(
            id=id,
            personas=sorted(personas, key=lambda a: a.id),
            indicators=sorted(kept, key=lambda i: i.id),
            created=created,
            withheld=len(unique) - len(kept),
            **kw,  # type: ignore[arg-type]
        )
