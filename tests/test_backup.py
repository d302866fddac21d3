"""JSON backup and import: exact round trip, and a damaged file never touches the store."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.stages import StageKey
from closure_tui.services.backup import import_backup
from closure_tui.services.reports import export_json, report_input
from closure_tui.store.store import DATA_FILES
from tests.cli_helpers import cli
from tests.evidence_support import list_all, listing, open_service, sample_store


def _export(data_dir: Path, clock: FixedClock, target: Path) -> None:
    service = open_service(data_dir, clock)
    target.write_bytes(export_json(report_input(service, None, reveal=False)))
    service.store.close()


PLATFORM = st.fixed_dictionaries(
    {
        "name": st.text(
            st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=12
        ),
        "original": st.integers(0, 10**9).map(lambda cents: f"{cents // 100}.{cents % 100:02d}"),
        "tick": st.lists(st.sampled_from(list(StageKey)), max_size=6, unique=True),
        "account": st.text("0123456789", min_size=4, max_size=20),
        "note": st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30),
    }
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(platforms=st.lists(PLATFORM, max_size=4, unique_by=lambda p: p["name"].casefold()))
def test_export_then_import_into_an_empty_store_round_trips(tmp_path_factory, platforms) -> None:
    root = tmp_path_factory.mktemp("roundtrip")
    clock = FixedClock(datetime(2026, 11, 29, 9, 30))
    service = open_service(root / "source", clock)
    for spec in platforms:
        pid = service.add_platform(spec["name"], original=spec["original"]).value.id
        for stage in spec["tick"]:
            service.tick(pid, stage)
        service.set_payee(pid, name="收款方", bank="银行", account=spec["account"], verified_via="")
        if spec["note"].strip():
            service.add_note(pid, spec["note"])
    expected = listing(service), [service.notes(p.id) for p in service.platforms()]
    history = service.store.table_docs("history")
    service.store.close()

    backup = root / "backup.json"
    _export(root / "source", clock, backup)
    target = open_service(root / "target", clock)
    import_backup(target, backup, None)
    assert (listing(target), [target.notes(p.id) for p in target.platforms()]) == expected
    assert target.store.table_docs("history") == history
    target.store.close()


def test_cli_round_trip_is_exact_including_masked_free_accounts(data_dir, clock, tmp_path) -> None:
    service = open_service(data_dir, clock)
    sample_store(service, clock)
    service.store.close()
    backup = tmp_path / "backup.json"
    assert cli(data_dir, "export", "--format", "json", "--output", str(backup)).returncode == 0
    doc = json.loads(backup.read_text(encoding="utf-8"))
    assert doc["format"] == "closure-tui-backup" and isinstance(doc["schema"], int)
    assert "6222021234567890123" in backup.read_text(encoding="utf-8")
    assert set(doc["tables"]) >= {"platforms", "notes", "history"}

    empty = tmp_path / "empty"
    result = cli(empty, "import", str(backup))
    assert result.returncode == 0, result.stderr
    assert list_all(empty) == list_all(data_dir)
    assert cli(empty, "history", "--json").stdout == cli(data_dir, "history", "--json").stdout


def _store_bytes(data_dir: Path) -> dict[str, bytes | None]:
    return {
        name: (data_dir / name).read_bytes() if (data_dir / name).exists() else None
        for name in DATA_FILES
    }


def _damage(doc: dict, how: str) -> str:
    if how == "not json":
        return '{"format": "closure-tui-backup", '
    if how == "bad amount":
        doc["tables"]["platforms"]["1"]["original"] = "12,000"
    elif how == "bad note":
        doc["tables"]["notes"]["1"]["created"] = "yesterday"
    elif how == "duplicate name":
        doc["tables"]["platforms"]["2"]["name"] = "借呗"
    elif how == "too new":
        doc["schema"] = 999
    elif how == "not a backup":
        doc.pop("format")
    elif how == "bad history":
        doc["tables"]["history"]["1"]["before"] = []
    return json.dumps(doc, ensure_ascii=False)


DAMAGES = ["not json", "bad amount", "bad note", "duplicate name", "too new", "not a backup"]


@pytest.fixture(scope="module")
def sample_backup(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("sample")
    clock = FixedClock(datetime(2026, 11, 29, 9, 30))
    service = open_service(root / "data", clock)
    sample_store(service, clock)
    doc = json.loads(export_json(report_input(service, None, reveal=False)))
    service.store.close()
    return doc


@pytest.mark.parametrize("how", [*DAMAGES, "bad history"])
def test_a_damaged_backup_is_refused_and_the_store_is_untouched(
    data_dir, clock, tmp_path, sample_backup, how
) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(_damage(json.loads(json.dumps(sample_backup)), how), encoding="utf-8")
    service = open_service(data_dir, clock)
    service.add_platform("平安普惠")
    service.store.close()
    service = open_service(data_dir, clock)
    service.add_platform("度小满")
    before = _store_bytes(data_dir)
    snapshots = sorted((data_dir / "backups").iterdir())
    with pytest.raises(DomainError) as refused:
        import_backup(service, backup, "replace")
    assert refused.value.key == "err.import.invalid"
    assert refused.value.params["problems"]
    assert _store_bytes(data_dir) == before
    assert sorted((data_dir / "backups").iterdir()) == snapshots
    assert [p.name for p in service.platforms()] == ["平安普惠", "度小满"]
    service.store.close()


def test_cli_import_lists_the_problems_and_changes_nothing(tmp_path, sample_backup) -> None:
    doc = json.loads(json.dumps(sample_backup))
    doc["tables"]["platforms"]["1"]["original"] = "12,000"
    doc["tables"]["notes"]["1"]["created"] = "yesterday"
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "other"
    cli(other, "add", "平安普惠")
    before = _store_bytes(other)
    result = cli(other, "import", str(backup), "--replace")
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr and "Traceback" not in result.stderr
    assert "platforms #1" in result.stderr and "notes #1" in result.stderr
    assert _store_bytes(other) == before


def test_replace_takes_a_backup_first_and_merge_adds_under_new_ids(
    data_dir, clock, tmp_path
) -> None:
    service = open_service(data_dir, clock)
    sample_store(service, clock)
    service.store.close()
    backup = tmp_path / "backup.json"
    _export(data_dir, clock, backup)

    other = tmp_path / "other"
    cli(other, "add", "平安普惠")
    refused = cli(other, "import", str(backup))
    assert refused.returncode == 1 and "--replace" in refused.stderr

    merged = cli(other, "import", str(backup), "--merge")
    assert merged.returncode == 0, merged.stderr
    names = [p["name"] for p in list_all(other)]
    assert names == ["平安普惠", "借呗", "招商银行信用卡"]
    assert "客服确认已结清" in cli(other, "show", "借呗").stdout
    assert cli(other, "undo").returncode == 0
    assert [p["name"] for p in list_all(other)] == ["平安普惠"]

    replaced = cli(other, "import", str(backup), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert list_all(other) == list_all(data_dir)
    snapshot = replaced.stdout.rsplit(": ", 1)[1].strip()
    kept = json.loads((Path(snapshot) / "closure.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in kept["platforms"].values()] == ["平安普惠"]


def test_merge_refuses_a_name_that_exists(data_dir, clock, tmp_path) -> None:
    service = open_service(data_dir, clock)
    sample_store(service, clock)
    with pytest.raises(DomainError) as refused:
        backup = tmp_path / "b.json"
        backup.write_bytes(export_json(report_input(service, None, reveal=False)))
        import_backup(service, backup, "merge")
    assert "借呗" in refused.value.params["problems"]
    service.store.close()
