"""Counts that read as English ("1 platform"), and the damaged-data screen's wording."""

READING: dict[str, tuple[str, str]] = {
    "pf.no_notes.read_only": ("还没有备注。", "No notes yet."),
    "pf.no_evidence.read_only": ("还没有记录凭证。", "No evidence recorded yet."),
    "dash.read_only": (
        "欢迎使用 closure-tui（结清跟踪）。\n\n另一个 closure-tui 正在使用这份数据，这里只能查看。"
        "在那边添加的平台会在这里自动显示。",
        "Welcome to closure-tui (结清跟踪).\n\nAnother closure-tui is using this data, so this "
        "one only shows it. Platforms added there appear here by themselves.",
    ),
    "cmd.export.json.help": (
        "保存到“文档”文件夹。这是完整备份，含完整的账号（不打码），请妥善保管",
        "Saved to your Documents folder. A complete backup: it holds the full account "
        "numbers (not masked), keep it safe",
    ),
    "cmd.sys.search": ("搜索命令…", "Search for commands…"),
    "cmd.sys.search_themes": ("搜索主题…", "Search for themes…"),
    "cmd.sys.keys": ("按键与帮助", "Keys and help"),
    "cmd.sys.keys.help": (
        "显示当前界面的所有按键和说明",
        "Every key of this screen, and what it does",
    ),
    "cmd.sys.theme": ("主题", "Theme"),
    "cmd.sys.theme.help": ("更换界面配色", "Change the colour theme"),
    "cmd.sys.quit": ("退出", "Quit"),
    "cmd.sys.quit.help": ("退出 closure-tui", "Quit closure-tui"),
    "cmd.sys.maximize": ("最大化", "Maximize"),
    "cmd.sys.maximize.help": ("放大当前选中的区域", "Maximize the focused part of the screen"),
    "cmd.sys.minimize": ("还原", "Minimize"),
    "cmd.sys.minimize.help": ("把放大的区域还原", "Restore the maximized part to its size"),
    "cmd.sys.screenshot": ("截图", "Screenshot"),
    "cmd.sys.screenshot.help": (
        "把当前界面保存为 SVG 图片（会包含屏幕上的金额和名称）",
        "Save the current screen as an SVG picture (with the amounts and names it shows)",
    ),
    "dash.summary.saved": ("减免 {saved}", "saved {saved}"),
    "bind.filter.help": (
        "按名称筛选（名称的任意部分，中文也可以）",
        "Filter by name (any part, Chinese too)",
    ),
    "bind.add_platform.help": (
        "添加一个平台（任何界面都可以）",
        "Add a platform (from any screen)",
    ),
    "bind.privacy.help": (
        "隐私模式：隐藏所有金额和账号，再按一次恢复",
        "Privacy mode: hide every amount and account number until pressed again",
    ),
    "bind.undo.help": ("撤销上一次修改", "Undo the last change"),
    "bind.redo.help": ("重做刚撤销的修改", "Redo the change just undone"),
    "count.platforms": ("{count} 个平台", "{count} platforms"),
    "count.platforms.one": ("1 个平台", "1 platform"),
    "count.steps": ("{count} 步", "{count} steps"),
    "count.steps.one": ("1 步", "1 step"),
    "damage.backups_title": (
        "可以恢复的备份（最新在前）：",
        "Backups you can restore (newest first):",
    ),
    "damage.backup_row": ("#{number}  {taken}  {platforms}", "#{number}  {taken}  {platforms}"),
    "damage.choose": (
        "选中一个备份，按 r 或 Enter 恢复（损坏的文件会被改名保留，不会删除）；或按 q 退出后自行检查。",
        "Highlight a backup and press r or Enter to restore it (the damaged file is kept aside "
        "under a new name, never deleted), or q to quit and look at it yourself.",
    ),
    "damage.no_backup": (
        "没有可以恢复的完好备份。按 q 退出，自行检查上面的文件（可以用文本编辑器打开）。",
        "There is no good backup to restore. Press q to quit and look at the file above "
        "yourself (any text editor opens it).",
    ),
    "damage.confirm": (
        "确定要恢复备份 #{number}（{taken}，{platforms}）吗？当前的文件会被改名保留。"
        "按 y 确认，Esc 取消。",
        "Restore backup #{number} ({taken}, {platforms})? The current files are kept aside "
        "under a new name. Press y to confirm, Esc to cancel.",
    ),
}
