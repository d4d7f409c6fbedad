"""The network features, one SQL definition each, run by DuckDB in process and by Spark at scale.

Each query reads the base tables of ``sql_base`` and the raw activity tables; ``{as_of}`` is the
snapshot time in epoch seconds. Keep to the dialect both engines share (see ``sql_base``).
"""

from __future__ import annotations

from unmask.detectors.network.sql_base import YEAR, epoch

CLUSTER_WINDOW = 30 * 86_400  # accounts registered from one /24 within this window: a cluster
RARE_OUTSIDE = 3  # an employer or school named by fewer accounts outside the cluster is rare

# Each registration /24 is bucketed twice (the second grid shifted by half a window) so that a
# burst straddling a bucket edge is still found whole; each account keeps its larger cluster.
REG_MEMBER = f"""
WITH keyed AS (
  SELECT id, subnet, 0 AS shift, CAST(floor(created / {CLUSTER_WINDOW}) AS BIGINT) AS bucket
  FROM acct WHERE subnet IS NOT NULL
  UNION ALL
  SELECT id, subnet, 1 AS shift,
    CAST(floor((created + {CLUSTER_WINDOW // 2}) / {CLUSTER_WINDOW}) AS BIGINT) AS bucket
  FROM acct WHERE subnet IS NOT NULL
), sized AS (
  SELECT id, subnet, shift, bucket, COUNT(*) OVER (PARTITION BY subnet, shift, bucket) AS n
  FROM keyed
), ranked AS (
  SELECT id, subnet, shift, bucket, n,
    ROW_NUMBER() OVER (PARTITION BY id ORDER BY n DESC, shift ASC) AS rk
  FROM sized
)
SELECT id, subnet || '#' || CAST(shift AS STRING) || '#' || CAST(bucket AS STRING) AS cluster
FROM ranked WHERE rk = 1 AND n >= 2
"""

REG_CLUSTER = f"""
WITH m AS (
  SELECT r.cluster, a.id, a.created, a.verified_workplace, a.verified_any, a.user_agent,
    a.email_domain, s.org, o.verified AS org_verified, o.created AS org_created,
    o.domain AS org_domain,
    lower(COALESCE(a.employer, '')) AS emp_key, lower(COALESCE(a.school, '')) AS school_key,
    CAST(a.n_positions AS STRING) || '|' || CAST(a.n_education AS STRING) || '|'
      || CAST(a.has_photo AS STRING) || '|'
      || CASE WHEN length(a.about) = 0 THEN '0' ELSE '1' END AS shape
  FROM reg_member r JOIN acct a ON a.id = r.id
  LEFT JOIN acct_sector s ON s.id = a.id
  LEFT JOIN org o ON o.id = s.org
), emp_base AS (
  SELECT lower(COALESCE(employer, '')) AS emp_key, COUNT(*) AS c FROM acct GROUP BY 1
), school_base AS (
  SELECT lower(COALESCE(school, '')) AS school_key, COUNT(*) AS c FROM acct GROUP BY 1
), emp_in AS (
  SELECT cluster, emp_key, COUNT(*) AS c FROM m GROUP BY cluster, emp_key
), school_in AS (
  SELECT cluster, school_key, COUNT(*) AS c FROM m GROUP BY cluster, school_key
), top_emp AS (
  SELECT cluster, emp_key, c FROM (
    SELECT cluster, emp_key, c,
      ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY c DESC, emp_key ASC) AS rk
    FROM emp_in) t
  WHERE rk = 1
), m2 AS (
  SELECT m.*, eb.c - ei.c AS emp_outside, sb.c - si.c AS school_outside
  FROM m
  JOIN emp_base eb ON eb.emp_key = m.emp_key
  JOIN emp_in ei ON ei.cluster = m.cluster AND ei.emp_key = m.emp_key
  JOIN school_base sb ON sb.school_key = m.school_key
  JOIN school_in si ON si.cluster = m.cluster AND si.school_key = m.school_key
)
SELECT m2.cluster, COUNT(*) AS n, MIN(m2.created) AS first_created,
  MAX(m2.created) AS last_created,
  SUM(CASE WHEN m2.verified_workplace THEN 1 ELSE 0 END) AS n_workplace,
  SUM(CASE WHEN m2.verified_any THEN 1 ELSE 0 END) AS n_verified,
  SUM(CASE WHEN m2.org IS NOT NULL THEN 1 ELSE 0 END) AS n_on_platform,
  SUM(CASE WHEN m2.org_verified AND m2.org_created < m2.created - {YEAR} THEN 1 ELSE 0 END)
    AS n_established,
  SUM(CASE WHEN m2.org_domain IS NOT NULL AND m2.email_domain = m2.org_domain THEN 1 ELSE 0 END)
    AS n_domain_match,
  SUM(CASE WHEN m2.emp_key = '' OR m2.emp_outside < {RARE_OUTSIDE} THEN 1 ELSE 0 END)
    AS n_rare_employer,
  SUM(CASE WHEN m2.school_key = '' OR m2.school_outside < {RARE_OUTSIDE} THEN 1 ELSE 0 END)
    AS n_rare_school,
  COUNT(DISTINCT m2.emp_key) AS n_employers,
  COUNT(DISTINCT COALESCE(m2.user_agent, '')) AS n_agents,
  COUNT(DISTINCT COALESCE(m2.email_domain, '')) AS n_domains,
  COUNT(DISTINCT m2.shape) AS n_shapes,
  MAX(t.emp_key) AS top_employer, MAX(t.c) AS top_employer_n
FROM m2 JOIN top_emp t ON t.cluster = m2.cluster
GROUP BY m2.cluster
HAVING COUNT(*) >= 2
"""

#: Wording that marks a step of an approach (TRADECRAFT.md): lower-cased LIKE patterns.
CUES: dict[str, tuple[str, ...]] = {
    "offplatform": (
        "%whatsapp%",
        "%telegram%",
        "%wechat%",
        "%signal app%",
        "%personal email%",
        "%private email%",
        "%phone call%",
        "%call you%",
        "%meet in person%",
    ),
    "payment": (
        "%$%",
        "%paid%",
        "%fee%",
        "%reward%",
        "%compensat%",
        "%honorarium%",
        "%remunerat%",
    ),
    "travel": ("%travel%", "%trip%", "%flight%", "%visit us%", "%hotel%", "%all expenses%"),
    "insider": (
        "%non-public%",
        "%internal%",
        "%clearance%",
        "%colleagues%",
        "%classified%",
        "%not public%",
        "%insider%",
    ),
}


def _cue(kind: str) -> str:
    cond = " OR ".join(f"lower(body) LIKE '{p}'" for p in CUES[kind])
    return f"CASE WHEN {cond} THEN 1 ELSE 0 END AS {kind}"


OUTREACH = f"""
WITH i AS (
  SELECT sender, recipient, status, {epoch("sent_at")} AS sent FROM invitation
), iw AS (
  SELECT sender, CAST(floor(sent / 604800) AS BIGINT) AS wk FROM i
), weekly AS (
  SELECT sender, MAX(c) AS max_week FROM (
    SELECT sender, wk, COUNT(*) AS c FROM iw GROUP BY sender, wk) w
  GROUP BY sender
), inv AS (
  SELECT i.sender, COUNT(*) AS n_sent, COUNT(DISTINCT i.recipient) AS n_recipients,
    SUM(CASE WHEN i.status = 'accepted' THEN 1 ELSE 0 END) AS n_accepted,
    SUM(CASE WHEN i.status = 'ignored' THEN 1 ELSE 0 END) AS n_ignored,
    SUM(CASE WHEN s.id IS NULL THEN 0 ELSE 1 END) AS n_known_sector,
    SUM(COALESCE(s.sensitive, 0)) AS n_sensitive,
    MIN(i.sent) AS first_sent, MAX(i.sent) AS last_sent
  FROM i LEFT JOIN acct_sector s ON s.id = i.recipient
  GROUP BY i.sender
), by_org AS (
  SELECT i.sender, s.org, MIN(s.org_name) AS org_name, COUNT(DISTINCT i.recipient) AS n
  FROM i JOIN acct_sector s ON s.id = i.recipient GROUP BY i.sender, s.org
), top_org AS (
  SELECT sender, org_name, n FROM (
    SELECT sender, org_name, n,
      ROW_NUMBER() OVER (PARTITION BY sender ORDER BY n DESC, org ASC) AS rk FROM by_org) t
  WHERE rk = 1
), by_sector AS (
  SELECT i.sender, s.sector, COUNT(*) AS n
  FROM i JOIN acct_sector s ON s.id = i.recipient WHERE s.sensitive = 1
  GROUP BY i.sender, s.sector
), top_sector AS (
  SELECT sender, sector, n FROM (
    SELECT sender, sector, n,
      ROW_NUMBER() OVER (PARTITION BY sender ORDER BY n DESC, sector ASC) AS rk
    FROM by_sector) t
  WHERE rk = 1
), m AS (
  SELECT sender, recipient, {epoch("sent_at")} AS sent,
    {_cue("offplatform")}, {_cue("payment")}, {_cue("travel")}, {_cue("insider")}
  FROM message
), pair AS (
  SELECT sender, recipient, COUNT(*) AS n, MIN(sent) AS first_sent,
    MIN(CASE WHEN offplatform + payment + travel + insider > 0 THEN sent END) AS first_cue,
    MAX(offplatform) AS offplatform, MAX(payment) AS payment, MAX(travel) AS travel,
    MAX(insider) AS insider
  FROM m GROUP BY sender, recipient
), conn AS (
  SELECT least(c.source, c.target) AS a, greatest(c.source, c.target) AS b,
    MIN({epoch("c.created_at")}) AS since
  FROM connection c
  JOIN (SELECT DISTINCT least(sender, recipient) AS a, greatest(sender, recipient) AS b
        FROM pair) k
    ON k.a = least(c.source, c.target) AND k.b = greatest(c.source, c.target)
  GROUP BY least(c.source, c.target), greatest(c.source, c.target)
), msg AS (
  SELECT p.sender, COUNT(*) AS n_msg_recipients, SUM(p.n) AS n_messages,
    SUM(CASE WHEN c.since IS NULL OR c.since > p.first_sent THEN 1 ELSE 0 END) AS n_cold,
    SUM(CASE WHEN p.first_cue IS NOT NULL AND p.first_cue > p.first_sent THEN 1 ELSE 0 END)
      AS n_escalated,
    SUM(p.offplatform) AS n_offplatform, SUM(p.payment) AS n_payment,
    SUM(p.travel) AS n_travel, SUM(p.insider) AS n_insider
  FROM pair p
  LEFT JOIN conn c ON c.a = least(p.sender, p.recipient) AND c.b = greatest(p.sender, p.recipient)
  GROUP BY p.sender
), senders AS (
  SELECT sender FROM inv UNION SELECT sender FROM msg
)
SELECT s.sender AS id,
  COALESCE(inv.n_sent, 0) AS n_sent, COALESCE(inv.n_recipients, 0) AS n_recipients,
  COALESCE(inv.n_accepted, 0) AS n_accepted, COALESCE(inv.n_ignored, 0) AS n_ignored,
  COALESCE(inv.n_known_sector, 0) AS n_known_sector,
  COALESCE(inv.n_sensitive, 0) AS n_sensitive,
  inv.first_sent, inv.last_sent, COALESCE(w.max_week, 0) AS max_week,
  o.org_name AS top_org, COALESCE(o.n, 0) AS top_org_n,
  ts.sector AS top_sector, COALESCE(ts.n, 0) AS top_sector_n,
  COALESCE(msg.n_msg_recipients, 0) AS n_msg_recipients,
  COALESCE(msg.n_messages, 0) AS n_messages, COALESCE(msg.n_cold, 0) AS n_cold,
  COALESCE(msg.n_escalated, 0) AS n_escalated,
  COALESCE(msg.n_offplatform, 0) AS n_offplatform, COALESCE(msg.n_payment, 0) AS n_payment,
  COALESCE(msg.n_travel, 0) AS n_travel, COALESCE(msg.n_insider, 0) AS n_insider
FROM senders s
LEFT JOIN inv ON inv.sender = s.sender
LEFT JOIN weekly w ON w.sender = s.sender
LEFT JOIN top_org o ON o.sender = s.sender
LEFT JOIN top_sector ts ON ts.sender = s.sender
LEFT JOIN msg ON msg.sender = s.sender
"""

LOOKALIKE_MIN = 0.8  # name similarity from which a claimed employer borrows a real firm's name

EMPLOYER = f"""
WITH staff AS (
  SELECT c.org, COUNT(*) AS n_claimants,
    SUM(CASE WHEN a.verified_workplace THEN 1 ELSE 0 END) AS n_verified_staff
  FROM claim c JOIN acct a ON a.id = c.account
  WHERE c.pos = 0 AND c.org IS NOT NULL GROUP BY c.org
), cand AS (
  SELECT DISTINCT c.norm, COALESCE(c.org, '') AS org
  FROM claim c LEFT JOIN org o ON o.id = c.org
  WHERE o.id IS NULL OR NOT o.verified OR o.created > {{as_of}} - {YEAR}
), est AS (
  SELECT id, name, norm FROM org WHERE verified AND created < {{as_of}} - {2 * YEAR}
), pairs AS (
  SELECT cand.norm, cand.org, est.id AS real_id, est.name AS real_name,
    CASE WHEN cand.norm = est.norm THEN 1.0
      WHEN instr(cand.norm, est.norm) > 0 OR instr(est.norm, cand.norm) > 0 THEN 0.9
      ELSE 1.0 - CAST(levenshtein(cand.norm, est.norm) AS DOUBLE)
        / NULLIF(greatest(length(cand.norm), length(est.norm)), 0)
    END AS sim
  FROM cand JOIN est
    ON substring(cand.norm, 1, 4) = substring(est.norm, 1, 4) AND est.id <> cand.org
), best AS (
  SELECT norm, org, real_id, real_name, sim FROM (
    SELECT norm, org, real_id, real_name, sim,
      ROW_NUMBER() OVER (PARTITION BY norm, org ORDER BY sim DESC, real_id ASC) AS rk
    FROM pairs WHERE sim >= {LOOKALIKE_MIN}) t
  WHERE rk = 1
)
SELECT c.account AS id, c.pos, c.employer, c.org, o.name AS org_name, o.verified AS org_verified,
  o.created AS org_created, COALESCE(s.n_claimants, 0) AS n_claimants,
  COALESCE(s.n_verified_staff, 0) AS n_verified_staff,
  b.real_id, b.real_name, b.sim, a.verified_workplace
FROM claim c
JOIN acct a ON a.id = c.account
LEFT JOIN org o ON o.id = c.org
LEFT JOIN staff s ON s.org = c.org
LEFT JOIN best b ON b.norm = c.norm AND b.org = COALESCE(c.org, '')
"""

#: Feature tables by name, in dependency order, with the detector that reads each.
FEATURES: tuple[tuple[str, str], ...] = (
    ("reg_member", REG_MEMBER),
    ("reg_cluster", REG_CLUSTER),
    ("outreach", OUTREACH),
    ("employer", EMPLOYER),
)

#: Columns each feature table is sorted by when fetched (engines must agree on row order).
ORDER: dict[str, str] = {
    "reg_member": "id",
    "reg_cluster": "cluster",
    "outreach": "id",
    "employer": "id, pos",
    "acct": "id",
}
