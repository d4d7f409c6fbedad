"""The window store in Redis: one Lua script per event applies its ops atomically with the
deduplication marker, so a redelivered event gets its first answers back and counts nothing twice.
Semantics are those of ``unmask.live.windows`` (the in-memory twin); a contract test runs both.

Keys are not declared to the script, so this needs a single Redis (not Redis Cluster).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from unmask.live.windows import DEDUP_TTL, NEAR_RADIUS, Op

TOTALS_TTL = 90 * 86_400

_SCRIPT = """
local seen = redis.call('GET', KEYS[1])
if seen then return {0, seen} end
local at = tonumber(ARGV[1])
local ops = cjson.decode(ARGV[3])
local prefix = ARGV[4]
local out = {}
for i, op in ipairs(ops) do
  local kind, key, member, window, cond = op[1], prefix .. op[2], op[3], tonumber(op[4]), op[5]
  local write = (cond < 0) or (out[cond + 1] > 0)
  local ans = 0
  if kind == 'hincr' then
    if write then
      ans = tonumber(redis.call('HINCRBYFLOAT', key, member, window))
      redis.call('EXPIRE', key, tonumber(ARGV[6]))
    else
      ans = tonumber(redis.call('HGET', key, member) or '0')
    end
  else
    local lo = at - window
    if kind == 'near' then
      local n = tonumber(member)
      for d = -tonumber(ARGV[5]), tonumber(ARGV[5]) do
        if d ~= 0 then
          local s = redis.call('ZSCORE', key, string.format('%d', n + d))
          if s and tonumber(s) > lo and tonumber(s) <= at then ans = 1 break end
        end
      end
    end
    if write and kind ~= 'zcount' then
      redis.call('ZADD', key, 'GT', at, member)
      redis.call('ZREMRANGEBYSCORE', key, '-inf', at - 2 * window)
      redis.call('EXPIRE', key, math.ceil(2 * window) + 3600)
    end
    if kind ~= 'near' then
      ans = redis.call('ZCOUNT', key, '(' .. string.format('%.6f', lo), string.format('%.6f', at))
    end
  end
  out[i] = ans
end
local enc = cjson.encode(out)
redis.call('SET', KEYS[1], enc, 'EX', tonumber(ARGV[2]))
return {1, enc}
"""


def _encode(ops: Sequence[Op]) -> bytes:
    return orjson.dumps([[o.kind, o.key, o.member, o.window, o.when] for o in ops])


class RedisWindows:
    """``WindowStore`` on Redis; ``prefix`` namespaces every key (one per deployment or test)."""

    def __init__(self, client: Any, prefix: str = "unmask:") -> None:
        self.client = client
        self.prefix = prefix
        self._script = client.register_script(_SCRIPT)

    @classmethod
    def from_url(cls, url: str, prefix: str = "unmask:") -> RedisWindows:
        import redis

        return cls(redis.Redis.from_url(url), prefix)

    def _args(self, event_key: str, at: float, ops: Sequence[Op]) -> tuple[list[str], list[Any]]:
        keys = [f"{self.prefix}seen:{event_key}"]
        return keys, [
            repr(float(at)),
            DEDUP_TTL,
            _encode(ops),
            f"{self.prefix}w:",
            NEAR_RADIUS,
            TOTALS_TTL,
        ]

    @staticmethod
    def _result(raw: Any) -> tuple[list[float], bool]:
        fresh, enc = raw
        values = orjson.loads(enc) if enc not in (b"{}", "{}") else []  # cjson: [] encodes as {}
        return [float(v) for v in values], bool(fresh)

    def apply(self, event_key: str, at: float, ops: Sequence[Op]) -> tuple[list[float], bool]:
        keys, args = self._args(event_key, at, ops)
        return self._result(self._script(keys=keys, args=args))

    def apply_many(
        self, items: Sequence[tuple[str, float, Sequence[Op]]]
    ) -> list[tuple[list[float], bool]]:
        """Many events in one round trip, applied in order."""
        pipe = self.client.pipeline(transaction=False)
        for event_key, at, ops in items:
            keys, args = self._args(event_key, at, ops)
            self._script(keys=keys, args=args, client=pipe)
        return [self._result(r) for r in pipe.execute()]
