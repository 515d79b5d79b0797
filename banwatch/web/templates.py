"""The one Jinja2 set-up every banwatch page is rendered with.

Scraped text reaches every page, so autoescaping is on for every template (not
only ``.html`` names) and an undefined variable is an error rather than an
empty string that would hide a missing value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2


def template_environment(
    directory: Path, filters: Mapping[str, Callable[..., Any]] | None = None
) -> jinja2.Environment:
    """Jinja2 loading templates from ``directory``, escaping everything, strict on undefined."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(filters or {})
    return environment
