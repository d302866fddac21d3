"""Messages of `closure-tui doctor`."""

DOCTOR: dict[str, tuple[str, str]] = {
    "cli.h.doctor": (
        "检查数据文件、权限、锁和备份（只读）",
        "check the data files, permissions, lock and backups (read-only)",
    ),
    "doctor.no_data": (
        "还没有数据：{dir} 不存在。",
        "No data yet: {dir} does not exist.",
    ),
    "doctor.file_ok": ("{path}：完好。", "{path}: good."),
    "doctor.file_absent": ("{path}：尚未创建。", "{path}: not created yet."),
    "doctor.file_damaged": (
        "{path} 已损坏：{problems}。恢复最新的完好备份：closure-tui restore",
        "{path} is damaged: {problems}. To restore the newest good backup: closure-tui restore",
    ),
    "doctor.permissions_ok": (
        "权限：仅自己可访问（目录 {dir}，文件 {file}）。",
        "Permissions: owner only (directories {dir}, files {file}).",
    ),
    "doctor.permissions_loose": (
        "{path} 的权限是 {mode}，其他用户也能访问。下次修改数据时会自动收紧，也可以现在执行 chmod go-rwx。",
        "{path} has mode {mode}: other users can access it. closure-tui tightens it the next "
        "time it saves a change, or run chmod go-rwx now.",
    ),
    "doctor.lock_free": (
        "锁：空闲，没有其他 closure-tui 在写入。",
        "Lock: free, no closure-tui is writing.",
    ),
    "doctor.lock_held": (
        "锁：另一个 closure-tui 正在使用这份数据（{holder}）。",
        "Lock: another closure-tui is using this data ({holder}).",
    ),
    "doctor.backups_none": (
        "备份：还没有（第一次修改之后的每次运行都会在 {dir} 里留一份）。",
        "Backups: none yet (each run after the first change leaves one in {dir}).",
    ),
    "doctor.backups": (
        "备份：{count} 份，最新的是 {newest}（在 {dir}）。",
        "Backups: {count}, the newest is {newest} (in {dir}).",
    ),
    "doctor.backup_damaged": (
        "备份文件 {path} 已损坏：{problems}。恢复时会跳过它。",
        "Backup file {path} is damaged: {problems}. Restore skips it.",
    ),
    "doctor.temporaries": (
        "有 {count} 个中断写入留下的临时文件；下次修改数据时会自动清理。",
        "{count} temporary file(s) left by an interrupted save; they are removed at the next change.",
    ),
    "doctor.orphan_notes": (
        "有 {count} 条备注属于已删除的平台；它们不会显示，也不影响使用。",
        "{count} note(s) belong to removed platforms; they are never shown and do no harm.",
    ),
    "doctor.summary_ok": ("一切正常。", "Everything is in order."),
    "doctor.summary_attention": (
        "有 {count} 项需要处理。",
        "{count} finding(s) need your attention.",
    ),
}
