"""Fixtures for the terminal app: a prepared store and an app factory with a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.session import closures_session
from closure_tui.store.lock import WriterLock
from closure_tui.tui.app import ClosureApp, create_app

AppFactory = Callable[..., ClosureApp]


def fill_store(data_dir: Path, clock: FixedClock) -> None:
    """Five platforms with Chinese names in different states; 花呗 is closed."""
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("借呗", kind="online_loan", original="12000", settled="8000")
        jintiao = service.add_platform("京东金条", original="5000", settled="3000").value
        service.tick(jintiao.id, StageKey.NEGOTIATED)
        service.skip(jintiao.id, StageKey.CARD_UNBOUND, "没有绑卡")
        zhaolian = service.add_platform(
            "招联金融", kind="credit_card", original="20000", settled="15000.50"
        ).value
        service.tick(zhaolian.id, StageKey.NEGOTIATED)
        service.tick(zhaolian.id, StageKey.PAID)
        service.add_platform("微粒贷", original="3000")
        huabei = service.add_platform("花呗", original="8000", settled="6000").value
        for key in StageKey:
            service.tick(huabei.id, key)


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.toml"


@pytest.fixture
def make_app(data_dir: Path, clock: FixedClock, config_path: Path) -> AppFactory:
    def factory(lang: str | None = "en", **kwargs: object) -> ClosureApp:
        return create_app(
            data_dir=data_dir, clock=clock, lang=lang, config_path=config_path, **kwargs
        )

    return factory


@pytest.fixture
def locked(filled: Path) -> Iterator[Path]:
    """The filled store while another instance (this test) holds the writer lock."""
    holder = WriterLock(filled)
    holder.acquire()
    yield filled
    holder.release()


@pytest.fixture
def filled(data_dir: Path, clock: FixedClock) -> Path:
    fill_store(data_dir, clock)
    return data_dir
