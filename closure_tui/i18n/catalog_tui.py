"""Terminal app text: bindings, screens, forms and notifications."""

TUI: dict[str, tuple[str, str]] = {
    "bind.quit": ("退出", "Quit"),
    "bind.help": ("帮助", "Help"),
    "bind.privacy": ("隐私模式", "Privacy"),
    "bind.add_platform": ("添加平台", "Add platform"),
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
    "cmd.add_platform": ("添加平台", "Add platform"),
    "cmd.add_platform.help": ("记录一个新的平台（贷款方）", "Record a new platform (lender)"),
    "cmd.language": ("切换语言 / Switch language", "Switch language / 切换语言"),
    "cmd.language.help": ("在中文和英文之间切换", "Switch between Chinese and English"),
}
