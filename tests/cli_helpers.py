"""Running the real `closure-tui` program in a subprocess against a temporary data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def cli(
    data_dir: Path, *args: str | bytes, env: dict[str, str] | None = None, lang: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m closure_tui --data-dir DIR ARGS...`; the environment comes from the test's."""
    command: list[str | bytes] = [sys.executable, "-m", "closure_tui", "--data-dir", str(data_dir)]
    if lang:
        command += ["--lang", lang]
    command += list(args)
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        check=False,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def ok(data_dir: Path, *args: str, **kwargs: Any) -> str:
    """Run a command that must succeed; return its stdout."""
    result = cli(data_dir, *args, **kwargs)
    assert result.returncode == 0, result.stderr
    return result.stdout


def as_json(data_dir: Path, *args: str) -> Any:
    return json.loads(ok(data_dir, *args, "--json"))
