"""The store: one narrow interface over SQLite (default) or PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import BaseModel
from pydantic_core import to_jsonable_python
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url

from unmask.model import severance
from unmask.model.records import RECORD_TYPES, RecordBase
from unmask.model.schema import columns
from unmask.model.snapshot import Snapshot
from unmask.settings import Settings, load_settings
from unmask.store.schema import RECORD_TABLES

if TYPE_CHECKING:
    from unmask.store.sql import SqlUnitOfWork
    from unmask.store.triage import Triage

_CHUNK = 900  # stays under SQLite's bound-parameter limit for IN (...)


class StoreError(RuntimeError):
    pass


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL needs the 'postgres' extra: pip install 'unmask[postgres]'"
            ) from exc
        if parsed.drivername == "postgresql":
            url = str(parsed.set(drivername="postgresql+psycopg").render_as_string(False))
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(f"unsupported database URL {parsed.render_as_string()!r}")


def record_row(record: RecordBase, content_hash: str, now: datetime) -> dict[str, Any]:
    """A record as a row of its table (nested fields as JSON, times in UTC)."""
    kinds = columns(type(record))
    row: dict[str, Any] = {
        "key": record.key(),
        "content_hash": content_hash,
        "ingested_at": now,
    }
    for name, kind in kinds.items():
        value = getattr(record, name)
        if value is None:
            row[name] = None
        elif kind == "json":
            row[name] = to_jsonable_python(value)
        elif kind == "datetime":
            row[name] = value.astimezone(UTC)
        elif kind == "str":
            row[name] = str(value.value if hasattr(value, "value") else value)
        else:
            row[name] = value
    return row


def _sqlite_time(value: datetime) -> str:
    """SQLAlchemy's SQLite DateTime storage format, in UTC."""
    if value.utcoffset():
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_value(kind: str) -> Callable[[Any], Any] | None:
    """A converter to SQLite's storage format; None where the JSON-mode dump is used as is."""
    if kind == "datetime":
        return lambda v: None if v is None else _sqlite_time(v)
    if kind == "bool":
        return lambda v: None if v is None else int(v)
    if kind == "str":
        return lambda v: None if v is None else str(getattr(v, "value", v))
    if kind == "json":
        return None
    return lambda v: v


@cache
def _sqlite_insert(kind: str) -> tuple[str, list[tuple[str, Callable[[Any], Any] | None]], bool]:
    table = RECORD_TABLES[kind]
    fields = columns(RECORD_TYPES[kind])
    names = ["key", "content_hash", "ingested_at", *fields]
    assert names == [c.name for c in table.columns], "table and model disagree"
    cols = ", ".join(f'"{n}"' for n in names)
    sql = f'INSERT INTO "{table.name}" ({cols}) VALUES ({", ".join("?" * len(names))})'
    converters = [(name, _sqlite_value(k)) for name, k in fields.items()]
    return sql, converters, any(c is None for _, c in converters)


def _json_text(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def prepare_row(record: RecordBase, digest: str, now: datetime | str, sqlite: bool) -> Any:
    """A record as the driver-ready row of its table: a tuple in SQLite's storage formats, or a
    mapping for SQLAlchemy elsewhere. Pure and picklable, so ingest can prepare rows in a worker.
    ``now`` may be given already formatted by ``sqlite_stamp`` (one per batch)."""
    if not sqlite:
        assert isinstance(now, datetime)
        return record_row(record, digest, now)
    _, converters, nested = _sqlite_insert(record.record_type)
    dumped = record.model_dump(mode="json") if nested else {}
    stamp = now if isinstance(now, str) else _sqlite_time(now)
    return (
        record.key(),
        digest,
        stamp,
        *(
            _json_text(dumped.get(name)) if conv is None else conv(getattr(record, name))
            for name, conv in converters
        ),
    )


def sqlite_stamp(now: datetime) -> str:
    return _sqlite_time(now)


class Store:
    """Records in, records and snapshots out; findings and assessments kept per scan."""

    def __init__(self, url: str, settings: Settings | None = None) -> None:
        self.url = url
        self.settings = settings or load_settings()
        self.engine = make_engine(url)

    @classmethod
    def open(cls, settings: Settings | None = None, migrate: bool = True) -> Store:
        settings = settings or load_settings()
        store = cls(settings.database_url, settings)
        if migrate:
            store.migrate()
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        from unmask.store.migrate import upgrade

        upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def connect(self) -> Connection:
        return self.engine.connect()

    def ping(self) -> None:
        """Raise unless the database answers."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def unit_of_work(self) -> AbstractContextManager[SqlUnitOfWork]:
        """One transaction over every concern of ``unmask.store.interface``: all or nothing."""
        from unmask.store.sql import unit_of_work

        return unit_of_work(self.engine)

    @property
    def triage(self) -> Triage:
        """Unverified member reports (``unmask.store.triage``)."""
        from unmask.store.triage import Triage

        return Triage(self)

    # -- records ---------------------------------------------------------------------------
    def existing_hashes(self, conn: Connection, kind: str, keys: Sequence[str]) -> dict[str, str]:
        table = RECORD_TABLES[kind]
        out: dict[str, str] = {}
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            stmt = select(table.c.key, table.c.content_hash).where(table.c.key.in_(chunk))
            out.update({str(k): str(h) for k, h in conn.execute(stmt)})
        return out

    def insert_rows(self, conn: Connection, kind: str, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            conn.execute(RECORD_TABLES[kind].insert(), list(rows))

    def insert_records(
        self, conn: Connection, kind: str, items: Sequence[tuple[RecordBase, str]], now: datetime
    ) -> None:
        """Insert new records with their content hashes (the ingest hot path).

        On SQLite the rows are converted here and handed to the driver directly, in the storage
        formats SQLAlchemy's types read back; elsewhere SQLAlchemy's executemany is used.
        """
        self.insert_prepared(
            conn, kind, [prepare_row(r, h, now, self.dialect == "sqlite") for r, h in items]
        )

    def insert_prepared(self, conn: Connection, kind: str, rows: Sequence[Any]) -> None:
        """Insert rows made by ``prepare_row`` for this store's dialect."""
        if not rows:
            return
        if self.dialect == "sqlite":
            conn.exec_driver_sql(_sqlite_insert(kind)[0], list(rows))
        else:
            self.insert_rows(conn, kind, rows)

    def count(self, kind: str) -> int:
        with self.connect() as conn:
            return int(
                conn.execute(select(func.count()).select_from(RECORD_TABLES[kind])).scalar_one()
            )

    def counts(self) -> dict[str, int]:
        return {kind: self.count(kind) for kind in RECORD_TYPES}

    def iter_records(self, kind: str, batch: int = 10_000) -> Iterator[BaseModel]:
        table = RECORD_TABLES[kind]
        model = RECORD_TYPES[kind]
        fields = list(columns(model))
        stmt = select(*(table.c[f] for f in fields)).order_by(table.c.key)
        with self.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for row in result:
                data = {f: v for f, v in zip(fields, row, strict=True) if v is not None}
                yield model.model_validate(data)

    def get(self, kind: str, key: str) -> BaseModel | None:
        table = RECORD_TABLES[kind]
        model = RECORD_TYPES[kind]
        fields = list(columns(model))
        with self.connect() as conn:
            row = conn.execute(
                select(*(table.c[f] for f in fields)).where(table.c.key == key)
            ).first()
        if row is None:
            return None
        return model.model_validate(
            {f: v for f, v in zip(fields, row, strict=True) if v is not None}
        )

    def snapshot(
        self, kinds: Iterable[str] | None = None, as_of: datetime | None = None
    ) -> Snapshot:
        wanted = set(kinds) if kinds is not None else set(RECORD_TYPES)
        records = (r for k in RECORD_TYPES if k in wanted for r in self.iter_records(k))
        snapshot = Snapshot.from_records(records, as_of=as_of)  # type: ignore[arg-type]
        with self.unit_of_work() as uow:
            snapshot = severance.apply(snapshot, uow.records.severed())  # enforcement state
            if "account" not in wanted:
                return snapshot
            # the change history of accounts that changed
            history = uow.records.history("account", uow.records.changed_keys("account"))
        seen = [v.observed_at for versions in history.values() for v in versions]
        if as_of is None and seen:  # "now" is also the latest change known
            return dataclasses.replace(snapshot, history=history, as_of=max(snapshot.as_of, *seen))
        return dataclasses.replace(snapshot, history=history)
