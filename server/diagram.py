"""/ontology/diagram-{lang}.svg: the diagram of the ontology the build drew with Graphviz,
served as a fixed image with the dataset's validators."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from server.dependencies import generation
from server.diagram_svg import read_svg
from server.documents import NOT_MODIFIED, PROBLEM, answer, prepared

router = APIRouter()
SVG = "image/svg+xml"
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The diagram as SVG.", "content": {SVG: {}}},
    304: NOT_MODIFIED,
    404: {"description": "No diagram in this language, or none in this build.", **PROBLEM},
}


@router.api_route(
    "/ontology/diagram-{lang}.svg",
    methods=["GET", "HEAD"],
    summary="The diagram of the ontology (de or en), drawn from it by Graphviz",
    response_class=Response,
    responses=RESPONSES,
)
def diagram(lang: str, request: Request) -> Response:
    """Classes as boxes, object properties as arrows; each box links to the class's section."""
    current = generation(request)
    body = prepared(request, current, ("diagram", lang), lambda: read_svg(current.dataset, lang))
    return answer(request, current, body, SVG, f"diagram-{lang}", {})
