"""The review web app: a queue of extracted events, evidence in context, decisions, export.

``banwatch serve`` runs it; ``create_app`` builds it for tests and for other
pages that want to live beside it.
"""

from __future__ import annotations

from banwatch.review.app import ReviewConfig, create_app
from banwatch.web.app import NavItem

__all__ = ["NavItem", "ReviewConfig", "create_app"]
