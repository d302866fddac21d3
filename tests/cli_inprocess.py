"""The CLI entry point run in this process (fast): `in_process(capsys)(data_dir, *args)`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from closure_tui.cli import main


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def in_process(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    def invoke(data_dir: Path, *args: str, lang: str = "en") -> Ran:
        code = main(["--data-dir", str(data_dir), "--lang", lang, *args])
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return invoke
