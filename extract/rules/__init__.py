"""Sentence rules, split by concern.

``SentenceRules`` (``sentence``) reads an article sentence by sentence and clause by
clause; it inherits the rules of each concern from one mixin per module: ``mentions``
(places, companies, bodies and agencies), ``clauses`` (which cues count, where clauses
start), ``acts`` (action and status), ``actors`` (who acts), ``timing`` (an event's date
and until) and ``references`` (acts referred back to, older measures).  ``vetoes`` holds
the named checks that find a clause is no event, tried in order after each step of
reading it.  ``state`` holds the records they build and share (``ClauseRead`` is one
clause while it is read), and the article's memory (``ArticleState``).
"""

from __future__ import annotations

from .sentence import SentenceRules
from .state import Actor, ArticleState, Candidate, Clause, Mention, Pending

__all__ = ["Actor", "ArticleState", "Candidate", "Clause", "Mention", "Pending", "SentenceRules"]
