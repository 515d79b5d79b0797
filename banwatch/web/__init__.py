"""The pieces every page of ``banwatch serve`` shares, whichever package the page is in.

``banwatch.web.app``: configuration, shared state, navigation, rendering and the
app factory; ``banwatch.web.security``: sign-in, CSRF, host checks and headers;
``banwatch.web.templates``: the one Jinja2 set-up (autoescaping everywhere).
The review pages and the overview import from here, never from each other.
"""

from __future__ import annotations

from banwatch.web.app import NavItem, WebConfig, WebState, create_web_app, web_state

__all__ = ["NavItem", "WebConfig", "WebState", "create_web_app", "web_state"]
