"""Run a program in a private tmux server and time how long until its screen shows something.

The server gets its own socket and the benchmark's environment (temporary HOME and
config directory), so nothing touches the user's tmux or data.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 120, 40


def available() -> bool:
    return shutil.which("tmux") is not None


@dataclass(frozen=True)
class Frame:
    """How long until `marker` showed (wall and the program's CPU time), and its peak RSS
    a moment later."""

    seconds: float
    cpu_seconds: float
    peak_rss_kb: int


class Tmux:
    """A private tmux server; close it when done."""

    def __init__(self, env: dict[str, str], workdir: Path) -> None:
        self.socket = f"closure-bench-{os.getpid()}"
        self.env = env
        self.workdir = workdir
        self._count = 0
        self._tmux("new-session", "-d", "-s", "keep", "-x", str(WIDTH), "-y", str(HEIGHT))

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            env=self.env,
            cwd=self.workdir,
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout

    def _session(self, name: str, line: str) -> None:
        """A new detached session `name`, terminal-sized, running the shell line `line`."""
        self._tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), line)

    def first_frame(
        self, command: list[str], marker: str, *, settle: float = 0.5, timeout: float = 30.0
    ) -> Frame:
        """Start `command`, poll the pane until `marker` (a regex) shows, then read its memory."""
        self._count += 1
        name = f"run{self._count}"
        pattern = re.compile(marker)
        line = "exec " + shlex.join(command)
        started = time.perf_counter()
        self._session(name, line)
        try:
            pid = int(self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
            while True:
                screen = self._tmux("capture-pane", "-p", "-t", name)
                elapsed = time.perf_counter() - started
                if pattern.search(screen):
                    cpu = cpu_seconds(pid)
                    break
                if elapsed > timeout:
                    raise TimeoutError(f"{marker!r} never showed; screen:\n{screen}")
            time.sleep(settle)
            return Frame(elapsed, cpu, peak_rss_kb(pid))
        finally:
            self._tmux("kill-session", "-t", name)

    def run_all(self, commands: list[list[str]], env: dict[str, str], *, timeout: float) -> None:
        """Run each command (with `env` added) in its own session, all at once, until every
        one has exited."""
        settings = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        names = []
        for command in commands:
            self._count += 1
            names.append(f"job{self._count}")
            line = f"exec env {settings} {shlex.join(command)}"
            self._session(names[-1], line)
        started = time.perf_counter()
        while set(names) & set(self._tmux("list-sessions", "-F", "#{session_name}").split()):
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"{commands[0][0]} did not end within {timeout} s")
            time.sleep(0.2)

    def keystrokes(
        self, command: list[str], opener: str, text: str, *, timeout: float = 30.0
    ) -> list[float]:
        """Type `opener` then `text` one key at a time; time until the rows shown all match.

        After each key the wait ends when every platform name on screen (`P0001` ...)
        contains the text typed so far: the filter has been applied and repainted.
        """
        self._count += 1
        name = f"keys{self._count}"
        self._session(name, "exec " + shlex.join(command))
        samples = []
        try:
            self._wait(name, lambda screen: bool(NAMES.search(screen)), timeout)
            self._tmux("send-keys", "-t", name, opener)
            time.sleep(1.0)
            for end in range(1, len(text) + 1):
                typed = text[:end]
                started = time.perf_counter()
                self._tmux("send-keys", "-t", name, "-l", text[end - 1])
                self._wait(name, lambda screen, typed=typed: _all_match(screen, typed), timeout)
                samples.append(time.perf_counter() - started)
        finally:
            self._tmux("kill-session", "-t", name)
        return samples

    def _wait(self, name: str, ready: Callable[[str], bool], timeout: float) -> str:
        started = time.perf_counter()
        while True:
            screen = self._tmux("capture-pane", "-p", "-t", name)
            if ready(screen):
                return screen
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"screen never became ready:\n{screen}")

    def close(self) -> None:
        self._tmux("kill-server")


NAMES = re.compile(r"P\d{4}")
ROW_NAME = re.compile(r"\s*(P\d{4})\s")


def _all_match(screen: str, typed: str) -> bool:
    """Every table row (a line starting with a name) matches; toasts beside rows are ignored."""
    names = [match[1] for line in screen.splitlines() if (match := ROW_NAME.match(line))]
    return bool(names) and all(typed in name for name in names)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_kb(pid: int) -> int:
    """VmHWM of a live process, in KiB (0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
