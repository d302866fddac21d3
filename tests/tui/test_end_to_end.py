"""The installed `closure-tui` in tmux: open a platform, tick a stage, quit, check the disk."""

from __future__ import annotations

import hashlib
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
from closure_tui.domain.stages import StageKey
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


def open_first_platform(terminal: Terminal, data_dir: Path, home: Path) -> None:
    """Start the installed program on `data_dir` in English and open the first platform."""
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "CLOSURE_TUI_CONFIG_DIR": str(home / "closure-config"),
        "TERM": "xterm-256color",
        "LANG": "en_US.UTF-8",
    }
    terminal.start([str(PROGRAM), "--data-dir", str(data_dir), "--lang", "en"], env)
    terminal.wait_until(lambda: "借呗" in terminal.screen(), "the dashboard")
    terminal.keys("Enter")
    terminal.wait_until(lambda: "closure-tui — 借呗" in terminal.screen(), "the platform screen")


def shown_json(data_dir: Path) -> dict:
    """What `closure-tui show 借呗 --json` prints, as the user would check it."""
    shown = subprocess.run(
        [str(PROGRAM), "--data-dir", str(data_dir), "show", "借呗", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(shown.stdout)


def test_enter_space_q_ticks_the_first_open_stage_on_disk(
    terminal: Terminal, data_dir: Path, clock: FixedClock, isolated_environment: Path
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("借呗", original="12000", settled="8000")
    open_first_platform(terminal, data_dir, isolated_environment)
    terminal.keys("Space")
    terminal.wait_until(lambda: "pay-by" in terminal.screen(), "the pay-by question")
    terminal.keys("Enter")  # none agreed
    terminal.wait_until(lambda: "pay-by" not in terminal.screen(), "the platform screen again")
    terminal.keys("q")
    terminal.wait_until(terminal.exited, "closure-tui to quit")
    stages = shown_json(data_dir)["stages"]
    assert stages["negotiated"]["state"] == "done"
    assert stages["paid"]["state"] == "todo"


def test_d_sets_a_stage_date_and_f_attaches_a_file_on_disk(
    terminal: Terminal,
    data_dir: Path,
    clock: FixedClock,
    isolated_environment: Path,
    tmp_path: Path,
) -> None:
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4 transfer receipt")
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗", original="12000", settled="8000").value
        service.tick(platform.id, StageKey.NEGOTIATED, "2025-11-01", pay_by="2025-11-08")
    open_first_platform(terminal, data_dir, isolated_environment)  # `paid` highlighted
    terminal.keys("d")
    terminal.wait_until(lambda: "anyway" in terminal.screen(), "no payment recorded: asked first")
    terminal.keys("y")
    terminal.wait_until(lambda: "When was" in terminal.screen(), "the done-date question")
    terminal.keys("C-u")  # the field holds today's date
    terminal.wait_until(lambda: "YYYY-MM-DD" in terminal.screen(), "the date field emptied")
    terminal.keys("-l", "2025-11-20")
    terminal.wait_until(lambda: "2025-11-20" in terminal.screen(), "the date typed")
    terminal.keys("Enter")
    terminal.wait_until(lambda: "When was" not in terminal.screen(), "the date to be saved")
    terminal.keys("Up", "f")  # ticking moved on to `certificate`; the receipt is `paid`'s
    terminal.wait_until(lambda: "Attach a file" in terminal.screen(), "the file question")
    terminal.keys("-l", str(receipt))
    terminal.wait_until(lambda: "receipt.pdf" in terminal.screen(), "the path typed")
    terminal.keys("Enter")
    terminal.wait_until(lambda: "Attach a file" not in terminal.screen(), "the file to be kept")
    terminal.keys("q")
    terminal.wait_until(terminal.exited, "closure-tui to quit")
    shown = shown_json(data_dir)
    assert shown["stages"]["paid"]["state"] == "done"
    assert shown["stages"]["paid"]["done_on"] == "2025-11-20"
    [attached] = shown["attachments"]
    assert (attached["stage"], attached["path"]) == ("paid", str(receipt))
    assert attached["sha256"] == hashlib.sha256(receipt.read_bytes()).hexdigest()
    assert (data_dir / attached["stored"]).read_bytes() == receipt.read_bytes()
