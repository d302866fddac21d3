"""Export and import text: refused targets, archives, import checks and warnings."""

from __future__ import annotations

EXPORTS: dict[str, tuple[str, str]] = {
    "err.export.in_data_dir": (
        "不能导出到数据文件夹 {data_dir} 里（会覆盖你的数据）：{path}。请换一个位置。",
        "Cannot export into the data directory {data_dir} (it could replace your data): "
        "{path}. Choose another place.",
    ),
    "err.export.exists": (
        "{path} 已存在，未改动。要覆盖请加 --force。",
        "{path} exists already and was left as it is; add --force to replace it.",
    ),
    "cli.h.force": ("覆盖已存在的文件", "replace the file if it exists"),
    "warn.history_unsaved": (
        "已保存这次修改，但修改记录没能写入（{reason}）：{path}。这次修改无法撤销，请不要重复操作。",
        "The change was saved, but its history entry could not be written ({reason}): "
        "{path}. This change cannot be undone; do not repeat it.",
    ),
    "cmd.export.archive": (
        "导出完整备份压缩包（含凭证文件）",
        "Export complete archive (with evidence files)",
    ),
    "err.archive.unsafe_path": (
        "压缩包里的路径不安全（绝对路径或 ..）：{name}",
        "unsafe path in the archive (absolute or ..): {name}",
    ),
    "err.archive.unexpected": (
        "压缩包里有不该有的条目：{name}",
        "unexpected entry in the archive: {name}",
    ),
    "err.archive.duplicate": ("压缩包里有重名条目", "the archive holds an entry twice"),
    "err.archive.too_big": ("压缩包解开后太大", "the archive is too large once unpacked"),
    "err.archive.incomplete": (
        "压缩包缺少 backup.json 或 SHA256SUMS",
        "the archive lacks backup.json or SHA256SUMS",
    ),
    "err.archive.unreadable": ("无法读取压缩包：{reason}", "cannot read the archive: {reason}"),
    "err.archive.manifest_line": (
        "SHA256SUMS 第 {line} 行格式不对",
        "SHA256SUMS line {line} is malformed",
    ),
    "err.archive.missing": (
        "SHA256SUMS 与压缩包内容不符：{name}",
        "SHA256SUMS and the archive's entries disagree: {name}",
    ),
    "err.archive.hash": (
        "{name} 的 SHA-256 与 SHA256SUMS 不符（文件已损坏或被改动）",
        "{name} does not match its SHA-256 in SHA256SUMS (damaged or changed)",
    ),
    "err.archive.clash": (
        "数据文件夹里已有同名但内容不同的凭证文件：{name}",
        "an evidence file of that name with other content exists already: {name}",
    ),
    "err.import.record": ("{where}：{problem}", "{where}: {problem}"),
    "err.import.no_platform": (
        "{where}：对应的平台 #{id} 不在备份里",
        "{where}: its platform #{id} is not in the backup",
    ),
    "err.import.unknown_action": (
        "{where}：未知的修改类型 {action}",
        "{where}: unknown kind of change {action}",
    ),
    "err.import.undo_duplicate": (
        "{where}：撤销或重做这条修改会出现两个同名平台",
        "{where}: undoing or redoing this change would make two platforms share a name",
    ),
    "err.tick.future": (
        "完成日期 {date} 还没到：只能记录已经完成的步骤。",
        "The done date {date} is in the future: only a stage already done can be ticked.",
    ),
    "err.untick.todo": (
        "“{stage}”本来就是待办，没有改动。",
        "“{stage}” is already to do; nothing was changed.",
    ),
    "cli.tick.kept": (
        "{name}：“{stage}”已于 {date} 完成，日期保持不变（要修改请加 --on 日期）。",
        "{name}: “{stage}” was already done on {date}; the date stays (--on DATE changes it).",
    ),
    "warn.settled_above_original": (
        "结清金额 ¥{settled} 比原欠 ¥{original} 还多，请检查是否输错。",
        "The settled amount ¥{settled} is more than the original ¥{original}; check for a typo.",
    ),
    "warn.paid_before_verified": (
        "{paid} 就已付款，但收款账户到 {verified} 才核实：付款时这个账户还没有经过核实。",
        "Money was paid on {paid}, but the payee was only verified on {verified}: it was not "
        "verified when you paid.",
    ),
    "cli.files": ("凭证文件：", "Files:"),
    "err.calendar.no_id": (
        "第一次导出日历时要在数据里保存一个日历编号，但另一个结清跟踪正在写入数据。"
        "请在那个程序里导出（命令面板），或关掉它再试。",
        "The first calendar export saves a calendar id in the data, but another closure-tui "
        "is writing it now. Export from that one (command palette), or close it and try again.",
    ),
    "err.import.partial": (
        "导入只写入了一部分：{path} 保存失败（{reason}），之前的文件已被替换。"
        "导入前的数据在备份 {backup} 里，用 closure-tui restore 可以放回。",
        "The import was only partly written: saving {path} failed ({reason}) after the files "
        "before it were replaced. The data as it was before the import is in the backup "
        "{backup}; closure-tui restore puts it back.",
    ),
}
