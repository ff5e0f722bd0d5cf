"""The client's address, also behind a TLS proxy or load balancer.

Behind a proxy every request arrives from the proxy's own address (REMOTE_ADDR); the proxy names the real
client in X-Forwarded-For, appending the address it saw to whatever the client sent. Only the part written by
proxies we run can be believed, so the chain is read from the right: as long as the hop is one of
TRUSTED_PROXIES (addresses or networks), step one further to the left; the first hop that is not trusted is the
client. A client that sends its own X-Forwarded-For therefore cannot choose its address: its made-up entries
sit to the left of the address our proxy appended. With no TRUSTED_PROXIES (the default) the header is ignored.

`client_key` is what the lockout and the rate limits count by: the address itself for IPv4, the /64 network
for IPv6 (one IPv6 subscriber usually has a whole /64, and could otherwise take a fresh address per attempt).

No Django import at module level: settings.py calls `parse_trusted_proxies` at start-up.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

IPV6_PREFIX = 64


def parse_trusted_proxies(values: Iterable[str]) -> tuple[Network, ...]:
    """'10.0.0.5', '10.0.0.0/8', '::1', 'fd00::/8' -> networks; anything else stops start-up with a clear
    message (a typo here would silently make every client the proxy)."""
    from django.core.exceptions import ImproperlyConfigured

    networks: list[Network] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {value!r} is not an IP address or network (use e.g. 10.0.0.5 or 10.0.0.0/8)."
            ) from None
    return tuple(networks)


@lru_cache(maxsize=8)
def _trusted(values: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_trusted_proxies(values)


def _address(text: str) -> Address | None:
    """An address as proxies write it: plain, '[v6]:port', 'v4:port'; IPv4-mapped IPv6 as IPv4."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        found = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(found, ipaddress.IPv6Address) and found.ipv4_mapped is not None:
        return found.ipv4_mapped
    return found


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == n.version and address in n for n in networks)


def client_address(meta: Any, trusted: Iterable[str]) -> str:
    """The client's address from a request's META and the trusted proxies (see the module's docstring)."""
    networks = _trusted(tuple(trusted))
    peer_text = str(meta.get("REMOTE_ADDR", "") or "")
    peer = _address(peer_text)
    if peer is None:
        return peer_text  # a unix socket or a broken server: nothing to walk from
    if not networks or not _is_trusted(peer, networks):
        return str(peer)
    chain = [hop for hop in str(meta.get("HTTP_X_FORWARDED_FOR", "")).split(",") if hop.strip()]
    for hop in reversed(chain):
        address = _address(hop)
        if address is None:
            # A trusted proxy wrote something we cannot read: believe no more of the chain.
            return str(peer)
        if not _is_trusted(address, networks):
            return str(address)
        peer = address
    return str(peer)  # every hop was one of ours: the request started inside


def client_ip(request: Any) -> str:
    """The client's address for this request, by the TRUSTED_PROXIES setting."""
    from django.conf import settings

    return client_address(request.META, getattr(settings, "TRUSTED_PROXIES", ()))


def client_key(request: Any) -> str:
    """What the lockout and the rate limits count by: the IPv4 address, or the IPv6 /64 network."""
    text = client_ip(request)
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
    return str(address)
