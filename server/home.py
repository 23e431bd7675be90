"""The home page: what this service is, the conferences with their agendas, the Länder,
and the ways in (query editor, dataset description, dumps, ontology)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from server import examples, page_data, pages, views
from server.dataset import Generation
from server.dependencies import generation
from server.html import Labels
from server.http_cache import conditional, validator_headers

router = APIRouter()
QUESTIONS = 4
"""How many example questions the home page offers, each a link that runs its query."""


def render(current: Generation, frame: pages.Frame) -> bytes:
    dataset = current.dataset
    store, base = dataset.store, dataset.base
    labels = Labels((), store, frame)
    conferences = page_data.conferences(store, base)
    agendas = {c.conference: page_data.agenda(store, base, c.conference) for c in conferences}
    for agenda in agendas.values():
        for entry in agenda:
            entry.applicants.sort(key=lambda a: labels.name(a.land))
    lander = sorted((row["land"] for row in page_data.select(store, base, LANDER)), key=labels.name)
    questions = [
        (example.title(frame.lang), frame.query_link(example.query(base)))
        for example in examples.examples()[:QUESTIONS]
    ]
    return pages.render(
        "home.html",
        frame,
        questions=questions,
        conferences=conferences,
        agendas=agendas,
        lander=lander,
        name=labels.name,
        href=frame.href,
        as_date=lambda text: pages.format_date(text, frame.lang),
    )


LANDER = "SELECT ?land WHERE { ?land a intmk:Land }"


@router.api_route(
    "/",
    methods=["GET", "HEAD"],
    response_class=Response,
    summary="Home page",
    responses={
        200: {"content": {"text/html": {}}, "description": "The home page."},
        304: {"description": "Not modified: the client's copy (ETag, date) is current."},
    },
)
def home(
    request: Request,
    current: Annotated[Generation, Depends(generation)],
    lang: Literal["de", "en"] = Query("de", description=pages.LANG_PARAMETER),
) -> Response:
    lang = pages.language(request)
    body = current.representations.get(("home", lang))
    if body is None:
        frame = pages.Frame(
            base=current.dataset.base,
            path=request.url.path,
            lang=lang,
            version=current.dataset.version,
            query=views.query_agendas(current.dataset.base),
        )
        body = render(current, frame)
        current.representations.put(("home", lang), body)
    headers = validator_headers(current.dataset.version, current.dataset.modified, f"home-{lang}")
    return conditional(request, body, "text/html; charset=utf-8", headers, current.dataset.modified)
