"""The client's address: X-Forwarded-For is believed only as far as our own proxies wrote it."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from kniewijs.web.client_ip import client_address, client_ip, client_key, parse_trusted_proxies

PROXIES = ["10.0.0.0/8", "127.0.0.1", "fd00::/8"]


def meta(remote: str, forwarded: str | None = None) -> dict[str, str]:
    found = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        found["HTTP_X_FORWARDED_FOR"] = forwarded
    return found


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # straight from the internet: the header is the client's own words and ignored
        ("203.0.113.7", "198.51.100.20", "203.0.113.7"),
        # through our proxy: the address it appended
        ("10.0.0.2", "203.0.113.7", "203.0.113.7"),
        # a client that sends its own header through our proxy: its entry sits left of the real one
        ("10.0.0.2", "198.51.100.20, 203.0.113.7", "203.0.113.7"),
        # two of our proxies (load balancer, then nginx on the machine)
        ("127.0.0.1", "198.51.100.20, 203.0.113.7, 10.1.2.3", "203.0.113.7"),
        # our proxy without a header: the request started at the proxy
        ("10.0.0.2", None, "10.0.0.2"),
        ("10.0.0.2", "", "10.0.0.2"),
        # every hop ours: the leftmost
        ("10.0.0.2", "10.9.9.9", "10.9.9.9"),
        # something our proxy wrote that is no address: believe no more of the chain
        ("10.0.0.2", "203.0.113.7, unknown", "10.0.0.2"),
        # ports, brackets and IPv4-mapped IPv6 as proxies write them
        ("10.0.0.2", "203.0.113.7:51234", "203.0.113.7"),
        ("10.0.0.2", "[2001:db8::5]:443", "2001:db8::5"),
        ("::ffff:10.0.0.2", "203.0.113.7", "203.0.113.7"),
        ("fd00::1", "2001:db8::5", "2001:db8::5"),
    ],
)
def test_the_chain_is_walked_from_the_right_to_the_first_hop_that_is_not_ours(remote, forwarded, expected):
    assert client_address(meta(remote, forwarded), PROXIES) == expected


def test_without_trusted_proxies_the_header_is_never_read():
    assert client_address(meta("10.0.0.2", "203.0.113.7"), []) == "10.0.0.2"


def test_the_setting_is_read_per_request(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    settings.TRUSTED_PROXIES = []
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request) == "203.0.113.7"


def test_ipv6_clients_are_counted_by_their_64_network(settings):
    settings.TRUSTED_PROXIES = []
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    other = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::9")
    elsewhere = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert client_key(one) == client_key(other) == "2001:db8:1:2::"
    assert client_key(elsewhere) != client_key(one)
    assert client_key(RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")) == "203.0.113.7"


@pytest.mark.parametrize("bad", ["10.0.0.300", "proxy.example", "10.0.0.0/33"])
def test_a_trusted_proxy_that_is_no_address_stops_start_up(bad):
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        parse_trusted_proxies([bad])
    assert len(parse_trusted_proxies(["10.0.0.5", " 10.0.0.0/8 ", "::1"])) == 3
