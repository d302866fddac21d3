"""Screenshots of the dashboard (zh and en) and the help sheet, at a fixed size and clock.

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and review the SVGs in tests/tui/__snapshots__.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.helpers import settled

SIZE = (110, 32)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dashboard(snap_compare: object, make_app: AppFactory, filled: Path, lang: str) -> None:
    assert snap_compare(make_app(lang=lang), terminal_size=SIZE, run_before=settled)  # type: ignore[operator]


def test_dashboard_all_view_in_privacy_mode(
    snap_compare: object, make_app: AppFactory, filled: Path
) -> None:
    assert snap_compare(  # type: ignore[operator]
        make_app(lang="zh"), press=["o", "p"], terminal_size=SIZE, run_before=settled
    )


def test_welcome(snap_compare: object, make_app: AppFactory) -> None:
    assert snap_compare(make_app(lang="zh"), terminal_size=SIZE, run_before=settled)  # type: ignore[operator]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help(snap_compare: object, make_app: AppFactory, filled: Path, lang: str) -> None:
    assert snap_compare(  # type: ignore[operator]
        make_app(lang=lang), press=["question_mark"], terminal_size=SIZE, run_before=settled
    )
