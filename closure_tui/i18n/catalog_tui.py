"""Terminal app text: bindings, dashboard, help, damaged store and notifications."""

TUI: dict[str, tuple[str, str]] = {
    # bindings (description of `bind(..., id)` is `bind.<id>`)
    "bind.quit": ("退出", "Quit"),
    "bind.help": ("帮助", "Help"),
    "bind.form_help": ("帮助", "Help"),
    "bind.privacy": ("隐私模式", "Privacy"),
    "bind.add_platform": ("添加平台", "Add"),
    "bind.palette": ("命令", "Commands"),
    "bind.palette.help": (
        "命令面板：按名称打开平台、添加平台、切换视图、语言或主题",
        "Command palette: open a platform by name, add one, switch view, language or theme",
    ),
    "bind.open": ("打开", "Open"),
    "bind.filter": ("筛选", "Filter"),
    "bind.view": ("切换视图", "Switch view"),
    "bind.clear_filter": ("清除筛选", "Clear filter"),
    "bind.close": ("关闭", "Close"),
    "bind.restore": ("恢复所选备份", "Restore this backup"),
    "bind.confirm": ("确认", "Confirm"),
    "bind.cancel": ("取消", "Cancel"),
    # app
    "tui.config_problem": (
        "配置文件有问题，已使用默认设置：{problem}",
        "Problem in the config file, using defaults: {problem}",
    ),
    "tui.config_not_saved": ("设置未能保存：{reason}", "The setting was not saved: {reason}"),
    "tui.privacy_on": (
        "隐私模式已开启：金额和账号已隐藏。",
        "Privacy mode on: amounts and account numbers are hidden.",
    ),
    "tui.privacy_off": ("隐私模式已关闭。", "Privacy mode off."),
    "tui.added": ("已添加 {name}。", "Added {name}."),
    "tui.read_only_banner": (
        "只读：另一个 closure-tui 正在使用这份数据（{holder}），修改已停用。关闭它后重新打开即可修改。",
        "Read-only: another closure-tui is using this data ({holder}); changes are disabled. "
        "Close it and reopen to make changes.",
    ),
    # dashboard
    "col.name": ("平台", "Platform"),
    "col.kind": ("类型", "Kind"),
    "col.progress": ("进度", "Progress"),
    "col.next": ("下一步", "Next step"),
    "col.settled": ("结清金额", "Settled"),
    "col.reminder": ("下次提醒", "Next reminder"),
    "dash.summary.counts": (
        "{platforms}，已全部完成 {closed} 个",
        "{platforms}, {closed} closed",
    ),
    "dash.summary.steps": ("剩余 {steps}", "{steps} left"),
    "dash.summary.money": (
        "原欠 {original} → 结清 {settled}，减免 {saved}",
        "owed {original} → settled {settled}, saved {saved}",
    ),
    "dash.title.outstanding": ("未完成的平台（{shown}）", "Outstanding platforms ({shown})"),
    "dash.title.all": ("全部平台（{shown}）", "All platforms ({shown})"),
    "dash.title.closed": ("已全部完成的平台（{shown}）", "Closed platforms ({shown})"),
    "dash.empty.outstanding": (
        "没有未完成的平台了，所有步骤都已完成。按 o 查看全部平台。",
        "Nothing outstanding: every platform is closed. Press o to see all of them.",
    ),
    "dash.empty.all": ("还没有平台。", "No platforms yet."),
    "dash.empty.closed": (
        "还没有全部完成的平台。按 o 切换视图。",
        "No platform is closed yet. Press o to switch the view.",
    ),
    "dash.no_match": (
        "当前视图中没有名称包含“{query}”的平台。按 Esc 清除筛选，或按 o 切换视图。",
        "No platform in this view has “{query}” in its name. Press Esc to clear the filter "
        "or o to switch the view.",
    ),
    "dash.filter.placeholder": (
        "输入平台名称的一部分；回车回到列表，Esc 清除",
        "Type part of a name; Enter goes to the list, Esc clears",
    ),
    "dash.welcome": (
        "欢迎使用结清跟踪（closure-tui）。\n\n"
        "和平台谈好一次性结清之后，还有一串收尾的事：还款到核实过的对公账户、拿盖章的结清证明、"
        "注销账户、注销额度、解绑银行卡。漏掉任何一步，征信和银行卡都可能继续受影响。"
        "这个工具帮你一个平台一个平台地把这六步做完，并保存每一步的凭证。\n\n"
        "按 a 添加第一个平台。之后按回车打开平台，逐项勾选；按 ? 查看所有按键。\n"
        "所有数据只保存在本机。",
        "Welcome to closure-tui (结清跟踪).\n\n"
        "After a one-off settlement is agreed, a tail of chores remains: paying only a verified "
        "corporate account, getting the stamped settlement certificate, cancelling the account "
        "and the credit line, unbinding bank cards. Skip one and your credit report or bank "
        "card can keep suffering. This app walks you through those six stages, platform by "
        "platform, and keeps the evidence for each.\n\n"
        "Press a to add your first platform. Then press Enter to open it and tick off its "
        "stages; press ? for every key.\n"
        "Everything stays on this computer.",
    ),
    # help
    "help.title": ("帮助", "Help"),
    "help.keys": ("当前界面的按键", "Keys on this screen"),
    "help.stages": ("六个步骤的含义", "What each stage means"),
    "help.marks": (
        "进度标记：▰ 已完成，▱ 待办，▭ 不适用（已跳过）。",
        "Progress marks: ▰ done, ▱ to do, ▭ not applicable (skipped).",
    ),
    "help.order_title": ("列表排序", "Order of the list"),
    "help.order": (
        "未完成的平台在前，按下一步在清单中的先后排列（还在协商的排在最前），同一步骤按名称排列；"
        "已全部完成的平台在最后。o 在“未完成 / 全部 / 已完成”之间切换；/ 按名称筛选，Esc 清除筛选。"
        "单击选中一行，再单击打开。",
        "Outstanding platforms first, by how early their next step is in the checklist "
        "(platforms still negotiating come first), then by name; closed platforms last. "
        "o cycles the view outstanding / all / closed; / filters by name, Esc clears the "
        "filter. A click highlights a row, a second click opens it.",
    ),
    "help.close": ("按 Esc 关闭", "Press Esc to close"),
    # damaged store
    "damaged.title": ("数据文件已损坏", "The data file is damaged"),
    "damaged.explain": (
        "closure-tui 打不开你的数据，因为这个文件无法读取：\n  {path}\n\n问题：{problems}\n\n"
        "这个文件没有被改动。每次修改之前都会自动备份，备份在：\n  {backups}",
        "closure-tui cannot open your data because this file cannot be read:\n  {path}\n\n"
        "Problem: {problems}\n\nThe file was left untouched. A backup is taken before every "
        "session's first change; backups are in:\n  {backups}",
    ),
    "damaged.too_new": (
        "这份数据由更新版本的 closure-tui 写入。请升级 closure-tui；恢复旧备份会丢失较新的修改。",
        "This data was written by a newer closure-tui. Upgrade closure-tui; restoring an older "
        "backup would lose the newer changes.",
    ),
    "damaged.restored": (
        "已从备份 {name} 恢复；原来的文件已改名保留。",
        "Restored from backup {name}; the previous files were kept aside.",
    ),
    # command palette
    "cmd.add_platform": ("添加平台", "Add platform"),
    "cmd.add_platform.help": ("记录一个新的平台（贷款方）", "Record a new platform (lender)"),
    "cmd.language": ("切换语言 / Switch language", "Switch language / 切换语言"),
    "cmd.language.help": ("在中文和英文之间切换", "Switch between Chinese and English"),
    "cmd.view.outstanding": ("视图：未完成", "View: outstanding"),
    "cmd.view.all": ("视图：全部平台", "View: all platforms"),
    "cmd.view.closed": ("视图：已完成", "View: closed"),
    "cmd.view.help": ("切换首页列表显示哪些平台", "Choose which platforms the dashboard lists"),
    "cmd.open.help": ("打开这个平台（下一步：{next}）", "Open this platform (next: {next})"),
    "label.colon": ("{label}：", "{label}: "),
}
