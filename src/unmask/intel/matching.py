"""Matching indicators against observables: exact, fuzzy (names, companies), PDQ distance
(photos), CIDR containment (IP ranges), suffix (domains) and word-bounded substring (phrases).

``Matcher(indicators, now)`` indexes the active indicators once; ``match(observables)`` returns
every hit. Pure: the caller brings observables from a snapshot, the store or a benchmark.
"""

from __future__ import annotations

import ipaddress
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import permutations

from unmask.intel.fuzzy import FuzzyIndex
from unmask.intel.indicators import is_active
from unmask.intel.normalise import fold, normalise
from unmask.intel.observe import Observable
from unmask.intel.pdq_index import PdqIndex
from unmask.model.enums import IndicatorKind as K
from unmask.model.records import Indicator

_EXACT = (K.EMAIL, K.URL, K.PHONE)
_FUZZY = (K.PERSONA_NAME, K.COMPANY)


@dataclass(frozen=True, slots=True)
class Hit:
    subject: str
    indicator: Indicator
    similarity: float  # 1.0 exact; fuzzy names and PDQ (1 - distance / 64) give less
    where: str
    observed: str


class Matcher:
    def __init__(
        self,
        indicators: Iterable[Indicator],
        now: datetime,
        *,
        name_threshold: float = 0.85,
        pdq_threshold: int = 31,
    ) -> None:
        self.indicators: list[Indicator] = []
        self.rejected: list[tuple[Indicator, str]] = []
        keyed: dict[K, list[tuple[str, int]]] = defaultdict(list)
        for ind in indicators:
            if not is_active(ind, now):
                continue
            try:
                key = normalise(ind.kind, ind.value)
            except ValueError as exc:
                self.rejected.append((ind, str(exc)))
                continue
            keyed[ind.kind].append((key, len(self.indicators)))
            self.indicators.append(ind)
        self._exact = {k: _group(keyed[k]) for k in _EXACT}
        self._domains = _group(keyed[K.DOMAIN])
        # A typo can move a word in a sorted name key, or join two words: names are indexed in
        # every word order, so the observed (sorted) key meets the order it was written in.
        keyed[K.PERSONA_NAME] = [(o, i) for k, i in keyed[K.PERSONA_NAME] for o in _orders(k)]
        self._fuzzy = {k: FuzzyIndex(keyed[k], name_threshold) for k in _FUZZY}
        pdq = keyed[K.PHOTO_PDQ]
        self._pdq_ids = [i for _, i in pdq]
        self._pdq = PdqIndex([h for h, _ in pdq], pdq_threshold)
        self._nets: dict[tuple[int, int], dict[int, list[int]]] = defaultdict(lambda: {})
        for key, i in keyed[K.IP_RANGE]:
            net = ipaddress.ip_network(key)
            self._nets[(net.version, net.prefixlen)].setdefault(int(net.network_address), [])
            self._nets[(net.version, net.prefixlen)][int(net.network_address)].append(i)
        self._phrases: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for key, i in keyed[K.PHRASE]:
            self._phrases[max(key.split(), key=len)].append((key, i))

    def __len__(self) -> int:
        return len(self.indicators)

    def kinds(self) -> set[K]:
        return {i.kind for i in self.indicators}

    def match(self, observables: Iterable[Observable]) -> list[Hit]:
        hits: list[Hit] = []
        photos: list[Observable] = []
        for ob in observables:
            if ob.kind is K.PHOTO_PDQ:
                photos.append(ob)
            else:
                hits.extend(self._one(ob))
        hits.extend(self._photos(photos))
        return hits

    def _hit(self, ob: Observable, idx: int, sim: float) -> Hit:
        return Hit(ob.subject, self.indicators[idx], sim, ob.where, ob.value)

    def _one(self, ob: Observable) -> list[Hit]:
        kind = ob.kind
        if kind is K.PHRASE:
            return self._phrase(ob)
        if kind is K.IP_RANGE:
            return self._ip(ob)
        try:
            key = normalise(kind, ob.value)
        except ValueError:
            return []
        if kind is K.PERSONA_NAME:
            best: dict[int, float] = {}
            for i, sim in self._fuzzy[kind].lookup(key):  # indexed in every word order
                best[i] = max(sim, best.get(i, 0.0))
            return [self._hit(ob, i, sim) for i, sim in best.items()]
        if kind in self._fuzzy:
            return [self._hit(ob, i, s) for i, s in self._fuzzy[kind].lookup(key)]
        if kind is K.DOMAIN:
            labels = key.split(".")
            found = []
            for start in range(len(labels) - 1):  # the domain and every parent domain
                for i in self._domains.get(".".join(labels[start:]), ()):
                    found.append(self._hit(ob, i, 1.0))
            return found
        return [self._hit(ob, i, 1.0) for i in self._exact[kind].get(key, ())]

    def _ip(self, ob: Observable) -> list[Hit]:
        if not self._nets:
            return []
        parsed = _ip(ob.value)
        if parsed is None:
            return []
        version, value = parsed
        bits = 32 if version == 4 else 128
        out: list[Hit] = []
        for (v, plen), nets in self._nets.items():
            if v == version:
                base = value >> (bits - plen) << (bits - plen) if plen else 0
                out.extend(self._hit(ob, i, 1.0) for i in nets.get(base, ()))
        return out

    def _phrase(self, ob: Observable) -> list[Hit]:
        if not self._phrases:
            return []
        text = fold(ob.value)
        padded = f" {text} "
        out = []
        for word in set(text.split()) & self._phrases.keys():
            for key, i in self._phrases[word]:
                if f" {key} " in padded:
                    out.append(self._hit(ob, i, 1.0))
        return out

    def _photos(self, photos: Sequence[Observable]) -> list[Hit]:
        if not photos or not len(self._pdq):
            return []
        valid = [ob for ob in photos if _is_pdq(ob.value)]
        qi, ti, dist = self._pdq.query([ob.value.casefold() for ob in valid])
        return [
            self._hit(valid[q], self._pdq_ids[t], 1.0 - d / 64)
            for q, t, d in zip(qi.tolist(), ti.tolist(), dist.tolist(), strict=True)
        ]


def _orders(key: str) -> list[str]:
    """The sorted name key first, then its other word orders (names of 2 or 3 words)."""
    words = key.split()
    if not 2 <= len(words) <= 3:
        return [key]
    return list(dict.fromkeys(" ".join(p) for p in permutations(words)))


def _ip(text: str) -> tuple[int, int] | None:
    """(version, integer) of an address; IPv4 parsed by hand (the common, hot case)."""
    parts = text.strip().split(".")
    if len(parts) == 4 and all(p.isdigit() and len(p) <= 3 for p in parts):
        octets = [int(p) for p in parts]
        if all(o < 256 for o in octets):
            return 4, (octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]
        return None
    try:
        addr = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return addr.version, int(addr)


def _group(items: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for key, i in items:
        out[key].append(i)
    return dict(out)


def _is_pdq(value: str) -> bool:
    try:
        normalise(K.PHOTO_PDQ, value)
    except ValueError:
        return False
    return True
