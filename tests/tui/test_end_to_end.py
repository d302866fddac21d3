"""The installed `closure-tui` in tmux: open a platform, tick a stage, quit, check the disk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session

WAIT_SECONDS = 30


def installed_program() -> str | None:
    """`closure-tui` from this environment first (the one under test), else from PATH."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("closure-tui", path=search)


PROGRAM = installed_program()
TMUX = shutil.which("tmux")

pytestmark = [
    pytest.mark.skipif(PROGRAM is None, reason="closure-tui is not installed"),
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
]


class Terminal:
    """One tmux server on a private socket, running one program in a 110x32 pane."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        command = [str(TMUX), "-S", str(self.socket), "-f", os.devnull, *args]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        return done.stdout

    def start(self, command: list[str], env: dict[str, str]) -> None:
        settings = [f"{key}={value}" for key, value in env.items()]
        shell = " ".join(["env", *settings, *command])
        self.tmux("new-session", "-d", "-s", "e2e", "-x", "110", "-y", "32", shell)
        self.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e2e", *keys)

    def exited(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "e2e", "#{pane_dead}").strip() == "1"

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail(f"gave up waiting for {what}; screen:\n{self.screen()}")
            time.sleep(0.1)

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path / "tmux.sock")
    yield term
    term.close()


def test_enter_space_q_ticks_the_first_open_stage_on_disk(
    terminal: Terminal, data_dir: Path, clock: FixedClock, isolated_environment: Path
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("借呗", original="12000", settled="8000")
    env = {
        "HOME": str(isolated_environment),
        "XDG_CONFIG_HOME": str(isolated_environment / "config"),
        "CLOSURE_TUI_CONFIG_DIR": str(isolated_environment / "closure-config"),
        "TERM": "xterm-256color",
        "LANG": "en_US.UTF-8",
    }
    terminal.start([str(PROGRAM), "--data-dir", str(data_dir), "--lang", "en"], env)
    terminal.wait_until(lambda: "借呗" in terminal.screen(), "the dashboard")
    dashboard = terminal.screen()
    terminal.keys("Enter")
    terminal.wait_until(lambda: terminal.screen() != dashboard, "the platform screen")
    terminal.keys("Space")
    terminal.wait_until(lambda: "pay-by" in terminal.screen(), "the pay-by question")
    terminal.keys("Enter")  # none agreed
    terminal.wait_until(lambda: "pay-by" not in terminal.screen(), "the platform screen again")
    terminal.keys("q")
    terminal.wait_until(terminal.exited, "closure-tui to quit")
    shown = subprocess.run(
        [str(PROGRAM), "--data-dir", str(data_dir), "show", "借呗", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    stages = json.loads(shown.stdout)["stages"]
    assert stages["negotiated"]["state"] == "done"
    assert stages["paid"]["state"] == "todo"
