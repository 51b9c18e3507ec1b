from django.test import RequestFactory

from masthead.core.clients import client_address


def test_the_address_is_the_connection_unless_our_proxy_forwarded_it():
    factory = RequestFactory()
    direct = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_address(direct) == "203.0.113.9"  # a reader cannot claim another address
    proxied = factory.get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7"
    )
    assert client_address(proxied) == "198.51.100.7"  # the entry our nginx wrote
    assert client_address(factory.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
