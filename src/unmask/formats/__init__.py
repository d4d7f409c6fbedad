"""Reading and writing interchange files: JSONL, CSV and Parquet.

Readers yield ``RawRow`` objects (file line or row number, the raw mapping or the reason it could
not be parsed) and never raise on a bad row; validation is the ingest stage's job. Writers take
records and produce files that the readers read back to equal records.
"""

from unmask.formats.io import (
    SUPPORTED_SUFFIXES,
    FormatError,
    RawRow,
    RecordWriter,
    kind_for_path,
    read_rows,
    record_to_row,
    write_records,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "FormatError",
    "RawRow",
    "RecordWriter",
    "kind_for_path",
    "read_rows",
    "record_to_row",
    "write_records",
]
