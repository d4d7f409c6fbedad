"""Network clients of the intelligence exchange (TAXII 2.1)."""

from unmask.intel.clients.taxii import MEDIA_TYPE, Page, TaxiiClient, TaxiiError

__all__ = ["MEDIA_TYPE", "Page", "TaxiiClient", "TaxiiError"]
