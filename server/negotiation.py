"""Proactive content negotiation on Accept (RFC 9110 §12.5.1), q-values honoured."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    quality: float
    parameters: tuple[tuple[str, str], ...]

    def specificity(self, media_type: str) -> int | None:
        """How specifically this range matches `media_type` (higher wins), None if not at all."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 0
        if self.type != kind:
            return None
        if self.subtype == "*":
            return 1
        if self.subtype != sub:
            return None
        return 2 + len(self.parameters)


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed parts are skipped, none means */*."""
    ranges: list[MediaRange] = []
    for part in (header or "").split(","):
        fields = [field.strip() for field in part.split(";")]
        media, _, sub = fields[0].lower().partition("/")
        if not media or not sub:
            continue
        quality, parameters = 1.0, []
        for parameter in fields[1:]:
            name, _, raw = parameter.partition("=")
            name, raw = name.strip().lower(), raw.strip().strip('"')
            if name == "q":
                try:
                    quality = min(max(float(raw), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
            elif name:
                parameters.append((name, raw))
        ranges.append(MediaRange(media, sub, quality, tuple(parameters)))
    return ranges or [MediaRange("*", "*", 1.0, ())]


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q-value the most specific matching range gives `media_type` (0 when none matches)."""
    best: tuple[int, float] | None = None
    for media_range in ranges:
        specificity = media_range.specificity(media_type)
        if specificity is not None and (best is None or specificity > best[0]):
            best = (specificity, media_range.quality)
    return best[1] if best else 0.0


def choose(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most (ties: the earlier offer); None if none is acceptable."""
    ranges = parse_accept(header)
    scored = [(quality(ranges, offer), -index, offer) for index, offer in enumerate(offers)]
    best = max(scored, default=None)
    if best is None or best[0] <= 0:
        return None
    return best[2]


def prefers_html(header: str | None) -> bool:
    """Whether a client names text/html explicitly (browsers do; `*/*` alone does not)."""
    return any(
        r.type == "text" and r.subtype == "html" and r.quality > 0 for r in parse_accept(header)
    )
