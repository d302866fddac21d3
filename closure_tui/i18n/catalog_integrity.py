"""Messages about the edges of the data folder: read-only folders, links, missing files,
the backups list and `forget`."""

INTEGRITY: dict[str, tuple[str, str]] = {
    "err.store.unwritable": (
        "无法在 {path} 写入（{reason}），只能查看，不能修改。",
        "Cannot write in {path} ({reason}); the data can be viewed but not changed.",
    ),
    "err.store.link": (
        "{path} 是一个符号链接。closure-tui 不会通过链接写入（那样可能改动或删除链接指向的文件），"
        "因此没有做任何修改。请删除这个链接（closure-tui 会重新创建自己的文件夹或文件）。",
        "{path} is a symbolic link. closure-tui does not write through links (that could "
        "change or delete whatever it points at), so nothing was changed. Remove the link "
        "(closure-tui creates its own folder or file again).",
    ),
    "err.store.data_link": (
        "数据文件是一个符号链接：{path}\nclosure-tui 不跟随数据文件夹里的链接（保存时会替换文件、切断链接）。"
        '请用链接指向的文件本身替换这个链接，例如：cp --remove-destination "$(readlink -f {path})" {path}',
        "The data file is a symbolic link: {path}\nclosure-tui does not follow links in its "
        "data folder (a save replaces the file and would cut the link). Replace the link "
        'with the file it points at, e.g.: cp --remove-destination "$(readlink -f {path})" '
        "{path}",
    ),
    "err.store.main_missing": (
        "主数据文件不见了：{path}\n但笔记或历史文件里还有记录，所以这不是一份新数据。为免旧记录被张冠李戴，"
        "未做任何改动。备份在：{backups}\n恢复最新的完好备份：closure-tui restore。",
        "The main data file is missing: {path}\nbut the notes or history files still hold "
        "records, so this is not a new store. Nothing was changed, so that old records are "
        "not attached to new platforms. Backups are in: {backups}\nTo restore the newest "
        "good backup run: closure-tui restore.",
    ),
    "err.store.backup_not_found": (
        "没有编号为 {name} 的备份。现有的备份编号：{numbers}（用 closure-tui backups 查看）。",
        "There is no backup numbered {name}. The backups are numbered: {numbers} "
        "(closure-tui backups lists them).",
    ),
    "err.store.backup_damaged": (
        "备份 {name} 已损坏，不能恢复：{problems}",
        "Backup {name} is damaged and cannot be restored: {problems}",
    ),
    "doctor.read_only": (
        "{dir} 无法写入（只读挂载或没有写权限）：程序会以只读方式打开，修改类命令会被拒绝。",
        "{dir} cannot be written (a read-only mount or no write permission): the app "
        "opens read-only and commands that change something are refused.",
    ),
    "doctor.link": (
        "{path} 是一个符号链接：closure-tui 不通过它写入，修改会被拒绝。请删除这个链接。",
        "{path} is a symbolic link: closure-tui does not write through it and refuses "
        "changes. Remove the link.",
    ),
    "doctor.main_missing": (
        "{path} 不见了，而 {files} 里还有记录：数据丢失了，不是新数据。恢复最新的完好备份：closure-tui restore",
        "{path} is missing while {files} still hold records: data was lost, this is not a "
        "new store. To restore the newest good backup: closure-tui restore",
    ),
    "doctor.evidence_stray": (
        "evidence/ 里有 {count} 个副本不属于任何记录（删除或撤销的记录的副本会保留，"
        "以便撤销或重做时找回；closure-tui forget 可以彻底清除某个平台的副本）。",
        "{count} copies in evidence/ belong to no record (those of removed or undone records "
        "are kept so undo or redo can bring them back; closure-tui forget erases a "
        "platform's for good).",
    ),
    "cli.h.backups": (
        "列出备份（编号、时间、平台数、大小、是否完好）",
        "list the backups (number, date, platforms, size, good or damaged)",
    ),
    "backups.none": ("还没有备份（{dir}）。", "No backups yet ({dir})."),
    "backups.header": (
        "编号    时间                 平台数  大小        状态",
        "number  taken                platforms  size      state",
    ),
    "backups.line": (
        "{number:<7} {taken}  {platforms:<6}  {size:<10}  {state}",
        "{number:<7} {taken}  {platforms:<9}  {size:<8}  {state}",
    ),
    "backups.good": ("完好", "good"),
    "backups.damaged": ("已损坏：{problems}", "damaged: {problems}"),
    "backups.footer": (
        "备份在 {dir}。恢复其中一个：closure-tui restore 编号",
        "Backups are in {dir}. To restore one: closure-tui restore NUMBER",
    ),
    "cli.h.forget": (
        "彻底清除一个平台：笔记、提醒、历史、证据副本，以及所有备份里的副本（不能撤销）",
        "erase a platform for good: its notes, reminders, history, evidence copies and its "
        "copies in every backup (cannot be undone)",
    ),
    "cli.forget.needs_yes": (
        "清除 {name} 不能撤销，连备份里的也会清除。确定的话请加上 --yes。",
        "Forgetting {name} cannot be undone and erases it from the backups too. Add --yes "
        "if you are sure.",
    ),
    "msg.forgotten": (
        "已彻底清除 {name}：{notes} 条笔记、{reminders} 个提醒、{events} 条历史记录、"
        "{evidence} 个证据副本；清理了 {copies} 个备份文件，删除了 {deleted} 个无法清理的损坏备份文件。",
        "Forgot {name}: {notes} notes, {reminders} reminders, {events} history entries and "
        "{evidence} evidence copies erased; {copies} backup files cleaned, {deleted} damaged "
        "backup files that could not be cleaned deleted.",
    ),
    "cmd.forget": ("彻底清除这个平台", "Forget this platform"),
    "cmd.forget.help": (
        "连同笔记、历史、证据副本和所有备份里的副本一起清除，不能撤销",
        "erase it with its notes, history, evidence copies and its copies in every backup; "
        "cannot be undone",
    ),
    "confirm.forget.title": ("彻底清除“{name}”？", "Forget “{name}” for good?"),
    "confirm.forget.body": (
        "平台、笔记、提醒、历史记录、证据副本，以及所有备份里的副本都会被清除，不能撤销。请输入平台名称以确认：",
        "The platform, its notes, reminders, history entries, evidence copies and its "
        "copies in every backup are erased; this cannot be undone. Type the platform's "
        "name to confirm:",
    ),
    "confirm.forget.mismatch": (
        "名称不一致，未清除。",
        "The name does not match; nothing erased.",
    ),
    "confirm.forget.yes": ("彻底清除", "Forget"),
}
