"""No command prints a full account number unless asked to reveal it.

Independent of the renderers' own tests: the real program runs every command on a
store holding a payee, and each output (and each report file written) is searched for
the full number.
"""

from __future__ import annotations

from pathlib import Path

from closure_tui.cli.registry import COMMANDS
from tests.cli_helpers import cli, ok

ACCOUNT = "6222020200112233445"
PAYEE = ["--name", "某某消费金融有限公司", "--bank", "招商银行", "--verified-via", "官方热线"]

#: Every command, with its arguments, in an order that leaves each something to act on
#: (each must succeed, so that its output is a real one). `export --format json` is a
#: complete backup, unmasked by design: only its message counts.
RUNS: list[list[str]] = [
    ["add", "网商贷"],
    ["payee", "借呗", *PAYEE, "--account", ACCOUNT],
    ["show", "借呗"],
    ["show", "借呗", "--json"],
    ["list"],
    ["list", "--all", "--json"],
    ["edit", "借呗", "--hotline", "95188"],
    ["tick", "借呗", "negotiated", "--pay-by", "+5d"],
    ["tick", "借呗", "paid"],
    ["untick", "借呗", "paid"],
    ["skip", "花呗", "card_unbound", "--reason", "没有绑卡"],
    ["pay", "借呗", "8000", "--ref", "HX0001"],
    ["note", "借呗", "客服确认收款账户"],
    ["remind", "借呗", "+2d", "催结清证明"],
    ["due", "--within", "30"],
    ["due", "--within", "30", "--json"],
    ["reminders"],
    ["reminders", "--all", "--json"],
    ["snooze", "3", "+3d"],
    ["done", "3"],
    ["remind", "借呗", "+4d", "复查征信"],
    ["dismiss", "4"],
    ["history"],
    ["history", "借呗", "--json"],
    ["undo"],
    ["redo"],
    ["attach", "借呗", "paid", "{receipt}"],
    ["export", "--format", "md", "--output", "{report}.md"],
    ["export", "--format", "csv", "--output", "{report}.csv"],
    ["export", "--format", "ics", "--output", "{report}.ics"],
    ["export", "--format", "json", "--output", "{backup}"],
    ["import", "{backup}", "--replace"],
    ["report-check", "--on", "today", "--source", "app", "借呗=settled,line=present"],
    ["report-checks", "借呗", "--json"],
    ["dispute", "借呗", "--with", "center", "--filed", "today", "--check", "1"],
    ["disputes"],
    ["dispute-update", "1", "--status", "answered"],
    ["doctor"],
    ["restore"],
    ["backups"],
    ["remove", "花呗", "--yes"],
    ["forget", "借呗", "--yes"],
]


def _commands() -> set[str]:
    return set(COMMANDS)


def test_no_command_prints_the_full_account_number(data_dir: Path, tmp_path: Path) -> None:
    ok(data_dir, "add", "借呗", "--settled", "8000")
    ok(data_dir, "add", "花呗")
    receipt = tmp_path / "回单.txt"
    receipt.write_text("转账回单", encoding="utf-8")
    names = {
        "receipt": str(receipt),
        "report": str(tmp_path / "report"),
        "backup": str(tmp_path / "backup.json"),
    }
    for run in RUNS:
        args = [arg.format(**names) for arg in run]
        result = cli(data_dir, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert ACCOUNT not in result.stdout + result.stderr, args
    for command in sorted(_commands() - {run[0] for run in RUNS}):
        result = cli(data_dir, command, "借呗")
        assert ACCOUNT not in result.stdout + result.stderr, command
    for suffix in ("md", "csv", "ics"):
        assert ACCOUNT not in Path(f"{names['report']}.{suffix}").read_text(encoding="utf-8-sig")
    assert ACCOUNT in Path(names["backup"]).read_text(encoding="utf-8")
