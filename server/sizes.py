"""File sizes as people read them, in the page's language."""

from __future__ import annotations


def human_size(size: int, lang: str) -> str:
    """110923 → '108,3 KB' (de) or '108.3 KB' (en): binary units, one decimal."""
    value, unit = float(size), "B"
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    text = f"{value:.0f}" if unit == "B" else f"{value:.1f}"
    return (text.replace(".", ",") if lang == "de" else text) + f" {unit}"
