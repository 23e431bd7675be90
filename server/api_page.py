"""The /api page: Swagger UI over /openapi.json, with Swagger UI served by this server.

FastAPI's own docs page loads Swagger UI from a CDN; this route builds the same page
with the files from server/assets.py and without the validator badge (which Swagger UI
fetches from validator.swagger.io), so the page loads nothing from another site.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.responses import HTMLResponse

from server import assets

router = APIRouter(include_in_schema=False)


@router.api_route("/api", methods=["GET", "HEAD"])
def api_page(request: Request) -> HTMLResponse:
    """Swagger UI for the OpenAPI description of this server."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}/openapi.json",
        title=f"{request.app.title} – API",
        swagger_js_url=assets.url(root or "/", "swagger-ui/swagger-ui-bundle.js"),
        swagger_css_url=assets.url(root or "/", "swagger-ui/swagger-ui.css"),
        swagger_favicon_url=assets.url(root or "/", "swagger-ui/favicon-32x32.png"),
        swagger_ui_parameters={"validatorUrl": None},
    )
