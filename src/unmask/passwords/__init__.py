"""Leaked-credential check: common-password corpora, a compact breach index, the k-anonymity
range answer and local strength feedback."""

from unmask.passwords.corpora import common_table, corpus_sizes
from unmask.passwords.index import BreachIndex, BuildStats, build_from_file, build_index
from unmask.passwords.kanon import PrefixError, RangeEntry, check_prefix, local_check, range_answer
from unmask.passwords.store import index_dir, load_file, open_indexes
from unmask.passwords.strength import Strength, StrengthUnavailableError, strength

__all__ = [
    "BreachIndex",
    "BuildStats",
    "PrefixError",
    "RangeEntry",
    "Strength",
    "StrengthUnavailableError",
    "build_from_file",
    "build_index",
    "check_prefix",
    "common_table",
    "corpus_sizes",
    "index_dir",
    "load_file",
    "local_check",
    "open_indexes",
    "range_answer",
    "strength",
]
