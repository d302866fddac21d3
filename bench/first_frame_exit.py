"""Run a Textual program and end it the moment its first frame showing MARKER is written.

    python bench/first_frame_exit.py MARKER -m closure_tui --data-dir DIR
    python bench/first_frame_exit.py MARKER path/to/script.py

For counting the instructions up to the first frame (`instructions.py`): the process
ends there, so nothing after it (the footer, the reminder summary, shutdown) is counted.
"""

from __future__ import annotations

import os
import runpy
import sys

from textual.drivers.linux_driver import LinuxDriver


def main() -> None:
    marker, *program = sys.argv[1:]
    write = LinuxDriver.write

    def write_then_end(self: LinuxDriver, data: str) -> None:
        write(self, data)
        if marker in data:
            self.flush()
            os._exit(0)

    LinuxDriver.write = write_then_end  # type: ignore[method-assign]
    if program[0] == "-m":
        sys.argv = [program[1], *program[2:]]
        runpy.run_module(program[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = program
        runpy.run_path(program[0], run_name="__main__")


if __name__ == "__main__":
    main()
