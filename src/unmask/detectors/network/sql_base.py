"""The base tables every network feature starts from, in the SQL that DuckDB and Spark both run.

Input: one raw table per record type, named as the record type (``account``, ``organisation``,
``connection``, ``invitation``, ``message``, ``endorsement``), with the interchange format's flat
columns (nested fields as JSON text, times as ISO 8601 text). Output: ``acct`` (one row per
account, the fields detectors use), ``org``, ``claim`` (an account's first three positions,
resolved to organisations by id or by normalised name) and ``acct_sector``.

Dialect: Spark SQL. DuckDB runs it with three macros that give it Spark's ``get_json_object``,
``unix_timestamp`` and ``conv`` (see ``runner.DUCKDB_MACROS``). Divisions use ``NULLIF`` because
Spark's ANSI mode raises on a zero divisor.
"""

from __future__ import annotations

from unmask.model.enums import SENSITIVE_SECTORS

DAY = 86_400
YEAR = 365 * DAY

#: SQL list of the sensitive sectors, from the one definition in ``unmask.model.enums``.
SENSITIVE_SQL = ", ".join(f"'{s.value}'" for s in sorted(SENSITIVE_SECTORS))


def norm(expr: str) -> str:
    """A name normalised for matching: lower case, punctuation and ``and`` removed."""
    t = f"translate(lower({expr}), '&.,-()/', '       ')"
    return f"trim(replace(replace(replace({t}, ' and ', ' '), '  ', ' '), '  ', ' '))"


def epoch(expr: str) -> str:
    return f"unix_timestamp(CAST({expr} AS TIMESTAMP))"


ACCT = f"""
SELECT id,
  {epoch("created_at")} AS created,
  name,
  COALESCE(about, '') AS about,
  get_json_object(photo, '$.pdq') AS pdq,
  get_json_object(positions, '$[0].employer') AS employer,
  get_json_object(education, '$[0].school') AS school,
  COALESCE(json_array_length(positions), 0) AS n_positions,
  COALESCE(json_array_length(education), 0) AS n_education,
  CASE WHEN photo IS NULL THEN 0 ELSE 1 END AS has_photo,
  COALESCE(verified_workplace, FALSE) AS verified_workplace,
  (COALESCE(verified_email, FALSE) OR COALESCE(verified_phone, FALSE)
    OR COALESCE(verified_workplace, FALSE)) AS verified_any,
  NULLIF(regexp_extract(COALESCE(get_json_object(registration, '$.ip'), ''),
    '^([0-9]+[.][0-9]+[.][0-9]+)[.]', 1), '') AS subnet,
  get_json_object(registration, '$.user_agent') AS user_agent,
  lower(get_json_object(registration, '$.email_domain')) AS email_domain
FROM account
"""

ORG = f"""
SELECT id, name, {norm("name")} AS norm, {epoch("created_at")} AS created,
  sector, COALESCE(verified, FALSE) AS verified, lower(domain) AS domain
FROM organisation
"""


def _position(k: int) -> str:
    return (
        f"SELECT id AS account, {k} AS pos, "
        f"get_json_object(positions, '$[{k}].employer') AS employer, "
        f"get_json_object(positions, '$[{k}].organisation_id') AS org_id FROM account"
    )


CLAIM = f"""
WITH raw AS ({" UNION ALL ".join(_position(k) for k in range(3))}),
c AS (SELECT account, pos, employer, org_id, {norm("employer")} AS norm
      FROM raw WHERE employer IS NOT NULL),
by_name AS (SELECT norm, MIN(id) AS id FROM org GROUP BY norm)
SELECT c.account, c.pos, c.employer, c.norm, COALESCE(o1.id, o2.id) AS org
FROM c
LEFT JOIN org o1 ON o1.id = c.org_id
LEFT JOIN by_name o2 ON o2.norm = c.norm
"""

ACCT_SECTOR = f"""
SELECT c.account AS id, o.id AS org, o.name AS org_name, o.sector,
  CASE WHEN o.sector IN ({SENSITIVE_SQL}) THEN 1 ELSE 0 END AS sensitive
FROM claim c JOIN org o ON o.id = c.org
WHERE c.pos = 0
"""

BASE_STATS = """
SELECT (SELECT COUNT(*) FROM acct) AS n_accounts,
  (SELECT COUNT(*) FROM acct_sector) AS n_with_sector,
  (SELECT COALESCE(SUM(sensitive), 0) FROM acct_sector) AS n_sensitive
"""

#: (table, query) in dependency order.
BASE: tuple[tuple[str, str], ...] = (
    ("acct", ACCT),
    ("org", ORG),
    ("claim", CLAIM),
    ("acct_sector", ACCT_SECTOR),
    ("base_stats", BASE_STATS),
)
