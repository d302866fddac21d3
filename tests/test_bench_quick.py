"""The benchmark runs end to end (`bench/run.py --quick`); its figures are not asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANUAL_REMINDERS = {
    "回电话确认额度已注销",
    "查一次征信，看账户状态",
    "催结清证明",
    "确认银行卡已解绑",
}


def test_quick_benchmark_prints_every_target(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    targets = [line.split("|")[1].strip() for line in result.stdout.splitlines() if "|" in line]
    for target in ("T1", "T2", "T3", "T4", "T5", "T6 filter", "T6 platforms"):
        assert any(row.startswith(target) for row in targets), target


def _cli(data: Path, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "closure_tui", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_dataset_is_a_realistic_store_the_cli_reads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    script = ROOT / "bench" / "make_dataset.py"
    subprocess.run(
        [
            sys.executable,
            str(script),
            "--data-dir",
            str(data),
            "--platforms",
            "12",
            "--notes",
            "40",
            "--reminders",
            "6",
        ],
        capture_output=True,
        check=True,
    )
    platforms = json.loads(_cli(data, "list", "--all", "--json"))
    assert [p["name"] for p in platforms] == [f"P{n:04d}" for n in range(1, 13)]
    states = {s["state"] for p in platforms for s in p["stages"].values()}
    assert {"todo", "done"} <= states
    notes = [
        n for p in platforms for n in json.loads(_cli(data, "show", p["name"], "--json"))["notes"]
    ]
    assert len(notes) == 40
    assert all(len(note["text"]) >= 150 for note in notes)
    reminders = json.loads(_cli(data, "reminders", "--all", "--json"))
    assert sum(1 for r in reminders if r["text"] in MANUAL_REMINDERS) == 6
