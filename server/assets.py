"""Browser libraries the pages use, served by this server itself under /static/vendor/.

The files come from npm packages pinned in server/assets/package-lock.json and installed
by `make assets` (npm ci) into server/assets/node_modules; nothing is fetched at run
time and no page loads anything from another site. Only the files named in `VENDOR` are
served, so the rest of node_modules stays private. Without them (npm skipped) the server
still starts: the query page falls back to a plain textarea and one warning says why.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response

MODULES = Path(__file__).resolve().parent / "assets" / "node_modules"
PREFIX = "/static/vendor/"
VENDOR: dict[str, str] = {
    "codemirror/codemirror.js": "codemirror/lib/codemirror.js",
    "codemirror/codemirror.css": "codemirror/lib/codemirror.css",
    "codemirror/sparql.js": "codemirror/mode/sparql/sparql.js",
    "codemirror/matchbrackets.js": "codemirror/addon/edit/matchbrackets.js",
    "swagger-ui/swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui/swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "swagger-ui/favicon-32x32.png": "swagger-ui-dist/favicon-32x32.png",
}
"""Served name under /static/vendor/ → file under server/assets/node_modules."""
EDITOR = ("codemirror/codemirror.js", "codemirror/sparql.js", "codemirror/matchbrackets.js")
EDITOR_CSS = "codemirror/codemirror.css"
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
CACHE_CONTROL = "public, max-age=86400"
log = logging.getLogger("intmk.server")
router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def missing() -> tuple[str, ...]:
    """The vendor files not installed; the first call warns once when there are any."""
    absent = tuple(name for name, path in VENDOR.items() if not (MODULES / path).is_file())
    if absent:
        log.warning(
            "intmk serve: %d browser assets are missing from %s (run `make assets`): "
            "the query page works without its editor, /api without Swagger UI.",
            len(absent),
            MODULES,
        )
    return absent


def editor_available() -> bool:
    """Whether the query editor's files are installed."""
    return not any(name in missing() for name in (*EDITOR, EDITOR_CSS))


def url(root: str, name: str) -> str:
    """The URL path of a vendor file below the site root (e.g. '/')."""
    return root.rstrip("/") + PREFIX + name


@router.api_route(PREFIX + "{name:path}", methods=["GET", "HEAD"])
def vendor_file(name: str) -> Response:
    """One of the listed vendor files; 404 for anything else."""
    path = VENDOR.get(name)
    if path is None or not (MODULES / path).is_file():
        raise HTTPException(404)
    media_type = MEDIA_TYPES[Path(path).suffix]
    return FileResponse(
        MODULES / path, media_type=media_type, headers={"Cache-Control": CACHE_CONTROL}
    )
