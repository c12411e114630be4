"""Distinguished names compared the way LDAP compares them.

The sync keys units and people by DN, so "OU=Planning\\, Policy" and
"ou=planning\\2C policy" must be the same key. Attribute types and values are
lower-cased (ou, cn and uid match case-insensitively) and re-escaped canonically.
"""

from functools import lru_cache

import ldap.dn

# A DN without these characters needs no escaping: it can be normalised by splitting,
# which is much faster than python-ldap's str2dn/dn2str for 20,000 people.
_SPECIAL = frozenset('\\"+#;<>\x00')


def _plain(dn: str) -> str | None:
    if not _SPECIAL.isdisjoint(dn):
        return None
    parts = []
    for rdn in dn.split(","):
        kind, sep, value = rdn.partition("=")
        kind, value = kind.strip(), value.strip()
        if not sep or not kind or not value or "=" in value:
            return None
        parts.append(f"{kind.lower()}={value.lower()}")
    return ",".join(parts)


@lru_cache(maxsize=65536)
def dn_normalize(dn: str) -> str:
    """The canonical form of a DN; raises ValueError for a malformed one."""
    plain = _plain(dn)
    if plain is not None:
        return plain
    try:
        rdns = ldap.dn.str2dn(dn)
    except ldap.DECODING_ERROR as exc:
        raise ValueError(f"malformed DN: {dn!r}") from exc
    lowered = [[(kind.lower(), value.lower(), flags) for kind, value, flags in rdn] for rdn in rdns]
    return str(ldap.dn.dn2str(lowered))


def dn_parent(dn: str) -> str:
    """The normalised DN of the entry that contains this one ("" for a top entry)."""
    key = dn_normalize(dn)
    index = 0
    while index < len(key):
        if key[index] == "\\":
            index += 2  # an escaped character is never a separator
            continue
        if key[index] == ",":
            return key[index + 1 :]
        index += 1
    return ""


def dn_is_within(dn: str, base: str) -> bool:
    """True when dn (normalised) is base or below it."""
    if not base:
        return True
    return dn == base or dn.endswith("," + base)
