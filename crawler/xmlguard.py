"""The prolog of untrusted XML: which root element it has, and whether its DTD is safe.

feedparser 6 strips entity declarations that reference other entities or
external resources before its SAX parse, and expat (>= 2.4) caps entity
amplification, but feedparser keeps "simple" internal entities and, when the
strict parse fails, its loose fallback parser expands them without any limit
(a 110 KB quadratic-blowup feed took 30 s and 3 GB). So feeds and sitemaps are
screened here first: external (``SYSTEM``/``PUBLIC``) and parameter entities,
entities whose value refers to other entities, and total expansion beyond a
small budget are refused (see :func:`screen_entities`).
"""

from __future__ import annotations

import re

# Total characters that declared internal entities may expand to. Real feeds
# that declare entities at all use a handful of short ones (``&nbsp;``).
MAX_ENTITY_EXPANSION = 100_000
MAX_ENTITY_DECLARATIONS = 64
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

_PROLOG_ITEM = re.compile(
    r"""\s+|<\?.*?\?>|<!--.*?-->|
    <!DOCTYPE\s+(?P<doctype>[^\s\[>]+)
        (?:[^\[>"']|"[^"]*"|'[^']*'|\[(?:[^\]"']|"[^"]*"|'[^']*')*\])*>""",
    re.S | re.I | re.X,
)
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")
_PROLOG_SCAN_LIMIT = 65536


def read_prolog(text: str) -> tuple[str | None, int | None]:
    """``(root element name, offset of its start tag)`` of an XML/HTML document.

    Skips the XML declaration, comments, processing instructions and a
    DOCTYPE (including an internal subset, quote-aware: entity values may
    contain ``<``). Only the first ``_PROLOG_SCAN_LIMIT`` characters are
    examined, so this is cheap on large bodies. When no start tag is found
    the name is the DOCTYPE's, if any, and the offset is None.
    """
    head = text[:_PROLOG_SCAN_LIMIT]
    pos = 1 if head.startswith("\ufeff") else 0
    doctype = None
    while True:
        match = _PROLOG_ITEM.match(head, pos)
        if match is None or match.end() == pos:
            break
        doctype = match.group("doctype") or doctype
        pos = match.end()
    root = _ROOT_TAG.match(head, pos)
    if root:
        return root.group(1), pos
    return doctype, None


def root_element(text: str) -> str | None:
    """Name of the document's root element (see :func:`read_prolog`)."""
    return read_prolog(text)[0]


def local_name(name: str) -> str:
    return name.rsplit(":", 1)[-1].lower()


_ENTITY_START = re.compile(r"<!ENTITY\b", re.I)
ENTITY_START_BYTES = re.compile(rb"<!ENTITY\b", re.I)
_ENTITY_DECLARATION = re.compile(
    r"""<!ENTITY\s+(?P<parameter>%\s*)?(?P<name>[^\s"'%>]+)\s+
        (?:(?P<external>SYSTEM|PUBLIC)\b|"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""",
    re.I | re.X,
)
# A reference inside an entity value to anything but a character reference
# or a predefined entity: the building block of exponential expansion.
_NESTED_REFERENCE = re.compile(r"&(?!#\w+;|(?:amp|lt|gt|quot|apos);)|%[\w.:-]+;")


def screen_entities(text: str, error: type[ValueError]) -> list[str]:
    """Refuse XML whose DTD could expand entities dangerously or read external resources.

    Raises ``error`` for: external entities (``SYSTEM``/``PUBLIC``: XXE),
    parameter entities, entity values that reference other entities (the
    "billion laughs" shape), more than ``MAX_ENTITY_DECLARATIONS``
    declarations, or simple entities whose references would expand to more
    than ``MAX_ENTITY_EXPANSION`` characters (quadratic blowup). Documents
    that declare only a few small plain-text entities pass with a warning.

    Only the prolog is screened -- everything before the root element's
    start tag -- because declarations take effect nowhere else; after it,
    ``<!ENTITY`` is text (an article about XXE in a CDATA section). When no
    root element is found near the start the whole document is screened.
    An external DTD reference without entity declarations (Netscape RSS
    0.91) is fine: neither expat as configured by feedparser nor lxml as
    configured here fetches it.
    """
    if not _ENTITY_START.search(text):
        return []
    _root, root_start = read_prolog(text)
    prolog = text if root_start is None else text[:root_start]
    starts = [m.start() for m in _ENTITY_START.finditer(prolog)]
    if not starts:
        return []
    if len(starts) > MAX_ENTITY_DECLARATIONS:
        raise error(f"refused: {len(starts)} entity declarations (entity-expansion guard)")
    values: dict[str, str] = {}
    for start in starts:
        decl = _ENTITY_DECLARATION.match(prolog, start)
        if decl is None:
            raise error("refused: unparseable <!ENTITY> declaration (entity-expansion guard)")
        name = decl.group("name")
        if decl.group("parameter"):
            raise error(f"refused: parameter entity %{name}; declared (external entity guard)")
        if decl.group("external"):
            raise error(f"refused: external entity &{name}; declared (external entity guard)")
        value = decl.group("dq") if decl.group("dq") is not None else decl.group("sq")
        if _NESTED_REFERENCE.search(value):
            raise error(
                f"refused: entity &{name}; refers to other entities (entity-expansion guard)"
            )
        values[name] = value
    expansion = sum(len(value) * text.count(f"&{name};") for name, value in values.items())
    if expansion > MAX_ENTITY_EXPANSION:
        raise error(
            f"refused: declared entities would expand to {expansion} characters "
            "(entity-expansion guard)"
        )
    return [f"document declares {len(values)} internal entities; simple ones are expanded"]
