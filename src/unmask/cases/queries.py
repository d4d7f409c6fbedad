"""Typed record reads: ``unmask.store.queries``."""

from unmask.store.queries import all_records, records_either, records_in

__all__ = ["all_records", "records_either", "records_in"]
