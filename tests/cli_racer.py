"""One of several racing CLI writers (not a test module): `cli_racer.py DIR INDEX COUNT`.

Runs the real command-line entry point COUNT times in this process (so the race
is between processes without paying interpreter start-up per write), adding a
note to PLATFORM each time and retrying a write refused because another
closure-tui holds the lock. Prints `ack TEXT` per acknowledged write, `refused`
per refusal, and `other MESSAGE` for anything else.
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
import time

from closure_tui.cli import main as cli_main

LOCKED = "Another closure-tui is open"
PLATFORM = "起点"


def run(data_dir: str, index: int, count: int) -> None:
    for step in range(count):
        text = f"写入者{index}-{step}"
        while True:
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
                code = cli_main(["--lang", "en", "--data-dir", data_dir, "note", PLATFORM, text])
            if code == 0:
                print(f"ack {text}", flush=True)
                break
            if code == 1 and LOCKED in errors.getvalue():
                print("refused", flush=True)
                time.sleep(random.uniform(0.02, 0.08))  # back off as a script would
                continue
            print(f"other {code} {errors.getvalue()!r}", flush=True)
            return


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
