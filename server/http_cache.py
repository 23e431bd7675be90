"""Validators and conditional requests: ETag and Last-Modified from the dataset version."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

CACHE_CONTROL = "public, max-age=300"


def entity_tag(version: str, variant: str) -> str:
    """A weak tag: the same data and variant always give the same tag (gzip may re-encode)."""
    return f'W/"{version}-{variant}"'


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def validator_headers(version: str, modified: datetime, variant: str) -> dict[str, str]:
    return {
        "ETag": entity_tag(version, variant),
        "Last-Modified": http_date(modified),
        "Cache-Control": CACHE_CONTROL,
    }


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/")


def matches_any(if_none_match: str, etag: str) -> bool:
    """Weak comparison of an If-None-Match list with our tag (RFC 9110 §13.1.2)."""
    tags = [tag.strip() for tag in if_none_match.split(",") if tag.strip()]
    return any(tag == "*" or _opaque(tag) == _opaque(etag) for tag in tags)


def not_modified(request: Request, etag: str, modified: datetime) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since (GET/HEAD)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return matches_any(if_none_match, etag)
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            return False
        return modified <= since
    return False


def conditional(
    request: Request,
    body: bytes,
    media_type: str,
    headers: dict[str, str],
    modified: datetime,
    status_code: int = 200,
) -> Response:
    """The response, or 304 Not Modified with the same validators when the client has it."""
    if status_code == 200 and not_modified(request, headers["ETag"], modified):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status_code, media_type=media_type, headers=headers)
