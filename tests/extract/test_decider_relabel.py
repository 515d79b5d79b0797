"""When the decider's scores change a rules' candidate's action or status (``relabel``).

A label changes only where the model is sure of another (``relabel``, or
``relabel_status`` for the status) and doubts the proposed one (``keep_label``); a parse
candidate takes the model's status outright, its own being a placeholder.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from banwatch.extract.decider import ACTION_LABELS, STATUS_LABELS, Thresholds, relabel


def _scores(action: str, status: str, sure: float = 0.9, doubt: float = 0.1
            ) -> dict[str, float]:
    """The model sure of ``action`` and ``status`` and doubting every other label."""
    s = {label: (sure if a == action else doubt) for a, label in ACTION_LABELS.items()}
    s.update({label: (sure if st == status else doubt) for st, label in STATUS_LABELS.items()})
    return s


CASES = [
    # proposed (source, action, status), the model's labels, thresholds, expected
    (("rules", "ban", "enacted"), ("ban", "proposed"), {}, ("ban", "proposed")),
    (("rules", "ban", "enacted"), ("moratorium", "enacted"), {}, ("moratorium", "enacted")),
    (("rules", "ban", "enacted"), ("moratorium", "proposed"), {"relabel": 1.01},
     ("ban", "enacted")),
    # a status of its own: the action stays, the status may change
    (("rules", "ban", "enacted"), ("moratorium", "proposed"),
     {"relabel": 1.01, "relabel_status": 0.8}, ("ban", "proposed")),
    (("rules", "ban", "enacted"), ("moratorium", "proposed"),
     {"relabel": 0.8, "relabel_status": 1.01}, ("moratorium", "enacted")),
    # a parse candidate takes the model's status even when nothing else may change
    (("parse", "ban", "enacted"), ("ban", "failed"), {"relabel": 1.01}, ("ban", "failed")),
]


@pytest.mark.parametrize(("proposed", "model", "limits", "expected"), CASES)
def test_relabel(proposed: tuple[str, str, str], model: tuple[str, str],
                 limits: dict[str, float], expected: tuple[str, str]) -> None:
    source, action, status = proposed
    p = SimpleNamespace(source=source, action=action, status=status)
    changes = relabel(p, _scores(*model), Thresholds(**limits))
    assert (p.action, p.status) == expected
    assert len(changes) == (p.action != action) + (p.status != status)
