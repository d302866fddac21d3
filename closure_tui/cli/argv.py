"""The one fast path: the command lines that only launch the app, read without argparse.

Importing argparse, the commands and building the whole parser is about 30 M of the
1,330 M instructions to the app's first frame at 500 platforms (without this path the
first frame exceeds its targets: 1.26x and 1.53x a bare Textual app, for 1.25x and
1.5x), and `closure-tui`, `closure-tui --lang zh` or `closure-tui --data-dir DIR` need
none of it. Anything else (a command, help, a mistake, an abbreviation) goes to argparse;
a property test over generated command lines proves that what this reads is what
argparse reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from closure_tui.i18n import LANGS

#: The options every command line may set, each with a value (`--lang zh`, `--lang=zh`).
GLOBAL_OPTIONS = ("--data-dir", "--lang")


class Launch(NamedTuple):
    data_dir: str | None
    lang: str | None


def launch_options(argv: Sequence[str]) -> Launch | None:
    """The options when `argv` only sets `--data-dir` and a valid `--lang`, else None."""
    values: dict[str, str | None] = dict.fromkeys(GLOBAL_OPTIONS)
    items = iter(argv)
    for arg in items:
        name, equals, value = arg.partition("=")
        if name not in values:
            return None
        if not equals:
            value = next(items, "-")
        if value.startswith("-"):
            return None  # argparse reads it as an option: let it explain
        values[name] = value
    if values["--lang"] not in (None, *LANGS):
        return None
    return Launch(values["--data-dir"], values["--lang"])
