"""Messages about the data files: locks, damage, backups, permissions."""

STORE: dict[str, tuple[str, str]] = {
    "err.store.locked": (
        "另一个 closure-tui 正在使用这份数据（{holder}）。请先关闭它再修改；查看类命令（list、show）仍可使用。",
        "Another closure-tui is open on this data ({holder}). Close it before making "
        "changes; read-only commands (list, show) still work.",
    ),
    "err.store.read_only": (
        "以只读方式打开（另一个 closure-tui 正在写入），无法保存修改。",
        "Opened read-only (another closure-tui is writing); changes cannot be saved.",
    ),
    "err.store.damaged": (
        "数据文件已损坏，未做任何改动：{path}\n问题：{problems}\n备份在：{backups}\n"
        "恢复最新的完好备份：closure-tui restore（损坏的文件会被改名保留，不会删除）。",
        "The data file is damaged and was left untouched: {path}\nProblem: {problems}\n"
        "Backups are in: {backups}\nTo restore the newest good backup run: closure-tui "
        "restore (the damaged file is kept aside, never deleted).",
    ),
    "err.store.too_new": (
        "数据文件由更新版本的 closure-tui 写入，本版本无法读取：{path}\n请升级 closure-tui；文件未被改动。备份在：{backups}\n"
        "如果确实要回到旧版本的数据：closure-tui restore（当前文件会被改名保留）。",
        "The data file was written by a newer closure-tui and this version cannot read it: "
        "{path}\nUpgrade closure-tui; the file was not changed. Backups are in: {backups}\n"
        "To go back to an older backup instead: closure-tui restore (the current file is "
        "kept aside).",
    ),
    "err.store.write_failed": (
        "保存失败（{reason}），磁盘上的文件保持修改之前的状态：{path}",
        "Saving failed ({reason}); the file on disk still holds the state before this "
        "change: {path}",
    ),
    "err.store.no_backup": (
        "在 {backups} 里没有找到完好的备份。",
        "No good backup was found in {backups}.",
    ),
    "err.store": ("数据存储出错。", "The data store failed."),
    "notice.permissions_fixed": (
        "已把 {path} 的权限收紧为仅自己可读写。",
        "Tightened the permissions of {path} to owner-only.",
    ),
    "msg.restored": (
        "已从备份 {name} 恢复。原来的文件已改名保留：{moved}",
        "Restored backup {name}. The previous files were kept as: {moved}",
    ),
}
