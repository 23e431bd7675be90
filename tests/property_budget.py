"""The budget of the parser's property tests (tests/test_parser_properties.py,
tests/test_damage_properties.py): INTMK_PROPERTY_EXAMPLES examples a property (default 60),
derandomized (the same examples every run, no example database), no deadline."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("INTMK_PROPERTY_EXAMPLES", "60"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
