"""What a route needs from the running application: the current generation and the settings."""

from __future__ import annotations

from starlette.requests import Request

from server.config import Settings
from server.dataset import DatasetHolder, Generation


def holder(request: Request) -> DatasetHolder:
    found = request.app.state.holder
    assert isinstance(found, DatasetHolder)
    return found


def generation(request: Request) -> Generation:
    """The generation this request uses from start to end, taken once."""
    return holder(request).current


def settings(request: Request) -> Settings:
    return holder(request).settings
