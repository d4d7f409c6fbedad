"""The store: SQLite by default, PostgreSQL when UNMASK_DATABASE_URL points at one."""

from unmask.store.store import Store, StoreError, make_engine, record_row

__all__ = ["Store", "StoreError", "make_engine", "record_row"]
