"""HTTP done right across the service: validators, 304, gzip, HEAD, CORS."""

from __future__ import annotations

import gzip

import httpx


def test_the_home_page_lists_the_conference(client: httpx.Client) -> None:
    response = client.get("/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<a href="/doc/conference/18">18. IntMK 2023</a>' in response.text
    assert '<a href="/sparql">' in response.text


def test_etag_and_last_modified_give_304(client: httpx.Client) -> None:
    first = client.get("/")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('W/"') and first.headers["cache-control"].startswith("public")
    again = client.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert client.get("/", headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get("/", headers={"If-None-Match": 'W/"other"'}).status_code == 200
    earlier = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get("/", headers={"If-Modified-Since": earlier}).status_code == 200


def test_large_bodies_are_gzipped(client: httpx.Client) -> None:
    with client.stream("GET", "/openapi.json", headers={"Accept-Encoding": "gzip"}) as response:
        raw = b"".join(response.iter_raw())
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    assert gzip.decompress(raw).startswith(b'{"openapi":')
    plain = client.get("/openapi.json", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.content == gzip.decompress(raw)


def test_head_has_the_headers_of_get_and_no_body(client: httpx.Client) -> None:
    identity = {"Accept-Encoding": "identity"}
    get, head = client.get("/", headers=identity), client.head("/", headers=identity)
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "etag", "last-modified", "content-length"):
        assert head.headers[name] == get.headers[name]


def test_browser_tools_on_other_origins_may_read(client: httpx.Client) -> None:
    origin = {"Origin": "https://example.org"}
    response = client.get("/", headers=origin)
    assert response.headers["access-control-allow-origin"] == "*"
    assert "ETag" in response.headers["access-control-expose-headers"]
    preflight = client.options(
        "/",
        headers={**origin, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]


def test_options_on_the_endpoint_and_on_a_document(client: httpx.Client) -> None:
    sparql = client.options("/sparql")
    assert sparql.status_code == 204
    assert sparql.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    document = client.options("/doc/conference/18/item/4.1")
    assert document.status_code == 204
    assert document.headers["allow"] == "GET, HEAD, OPTIONS"
