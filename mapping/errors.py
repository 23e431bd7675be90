"""The one error type the mapping raises for bad input."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """Bad input: says which file, which line, what was found and what was expected."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        problem: str,
        expected: str,
        hint: str | None = None,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.expected = expected
        self.hint = hint  # what the user can do about it, if anything
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem} (expected {expected})")
