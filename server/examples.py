"""The example queries of the query page: server/queries/NN-name.rq, each a real question.

A file starts with comment lines that give its title and a one-line description in
German and English, then the query:

    # de: Welche Beschlüsse wurden nur mehrheitlich gefasst?
    # en: Which resolutions were adopted only by majority?
    # de-about: …
    # en-about: …
    PREFIX intmk: <https://w3id.org/intmk/ontology#>

The vocabulary has one persistent namespace (https://w3id.org/intmk/); the data's base
is configurable, so queries name data IRIs with the placeholder `{{BASE}}` (as the shapes
and the JSON-LD context do); it is replaced by the dataset's base when a query is shown
or run. The files are read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from server.pages import Language

QUERIES = Path(__file__).resolve().parent / "queries"
BASE_PLACEHOLDER = "{{BASE}}"
HEADER_KEYS = ("de", "en", "de-about", "en-about")


class ExampleError(Exception):
    """An example file without its header: names the file and the missing line."""


@dataclass(frozen=True)
class Example:
    slug: str
    """The file name without .rq, e.g. '03-resolutions-adopted-by-majority'."""
    titles: dict[str, str]
    abouts: dict[str, str]
    template: str
    """The query with `{{BASE}}` where the base URI goes (header lines removed)."""

    def title(self, lang: Language) -> str:
        return self.titles[lang]

    def about(self, lang: Language) -> str:
        return self.abouts[lang]

    def query(self, base: str) -> str:
        """The query for a dataset with this base URI."""
        return self.template.replace(BASE_PLACEHOLDER, base)


def parse(path: Path) -> Example:
    """One example file; ExampleError when a header line is missing."""
    header: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    body_start = 0
    for index, line in enumerate(lines):
        key, colon, text = line.removeprefix("#").partition(":")
        if not line.startswith("#") or not colon or key.strip() not in HEADER_KEYS:
            break
        header[key.strip()] = text.strip()
        body_start = index + 1
    absent = [key for key in HEADER_KEYS if key not in header]
    if absent:
        raise ExampleError(f"{path}: the header has no '# {absent[0]}:' line")
    return Example(
        slug=path.stem,
        titles={"de": header["de"], "en": header["en"]},
        abouts={"de": header["de-about"], "en": header["en-about"]},
        template="\n".join(lines[body_start:]).strip() + "\n",
    )


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    """Every example query, in file name order."""
    return tuple(parse(path) for path in sorted(QUERIES.glob("*.rq")))
