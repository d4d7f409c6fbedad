"""Publishing what a removal taught us as intelligence for the exchange: Indicator records for
the persona's name, photo (PDQ), e-mail domain and front company.

What a confirmed persona teaches is defined once, in ``unmask.intel.indicators.persona_indicators``
(the intel export uses it too); this module only says where the knowledge came from.
"""

from __future__ import annotations

from datetime import datetime

from unmask.intel.indicators import persona_indicators
from unmask.model.records import Account, Indicator, Organisation

SOURCE = "unmask-review"


def indicators_for(
    account: Account,
    employer: Organisation | None,
    campaign: str | None,
    case_id: int,
    now: datetime,
) -> list[Indicator]:
    """Indicators from a removed account. A real, verified employer is never published (fakes
    borrow real firms' names); nor is a common webmail domain."""
    note = f"from removed account {account.id} (case {case_id})"
    return [
        found.model_copy(update={"description": note})
        for found in persona_indicators(
            account, employer, source=SOURCE, created_at=now, campaign=campaign
        )
    ]
