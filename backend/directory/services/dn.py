"""Distinguished names compared the way LDAP compares them.

The sync keys units and people by DN, so "OU=Planning\\, Policy" and
"ou=planning\\2C policy" must be the same key. Attribute types and values are
lower-cased (ou, cn and uid match case-insensitively) and re-escaped canonically.
"""

import ldap.dn


def dn_normalize(dn: str) -> str:
    """The canonical form of a DN; raises ValueError for a malformed one."""
    try:
        rdns = ldap.dn.str2dn(dn)
    except ldap.DECODING_ERROR as exc:
        raise ValueError(f"malformed DN: {dn!r}") from exc
    lowered = [[(kind.lower(), value.lower(), flags) for kind, value, flags in rdn] for rdn in rdns]
    return str(ldap.dn.dn2str(lowered))


def dn_parent(dn: str) -> str:
    """The normalised DN of the entry that contains this one ("" for a top entry)."""
    rdns = ldap.dn.str2dn(dn_normalize(dn))
    return str(ldap.dn.dn2str(rdns[1:]))


def dn_is_within(dn: str, base: str) -> bool:
    """True when dn (normalised) is base or below it."""
    if not base:
        return True
    return dn == base or dn.endswith("," + base)
