"""The command line's own words: argparse's messages and headings, and the parser's refusals.

In `ARGPARSE` the English text is argparse's message id, exactly as argparse writes it,
so English output is argparse's own and Chinese replaces it word for word.
"""

ARGPARSE: dict[str, tuple[str, str]] = {
    "argparse.usage": ("用法：", "usage: "),
    "argparse.positionals": ("位置参数", "positional arguments"),
    "argparse.options": ("选项", "options"),
    "argparse.help": ("显示这份帮助并退出", "show this help message and exit"),
    "argparse.argument": (
        "参数 %(argument_name)s：%(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "argparse.unrecognized": ("无法识别的参数：%s", "unrecognized arguments: %s"),
    "argparse.not_allowed_with": ("不能和 %s 一起使用", "not allowed with argument %s"),
    "argparse.ignored_explicit": ("这个选项不接受值：%r", "ignored explicit argument %r"),
    "argparse.required": ("缺少这些参数：%s", "the following arguments are required: %s"),
    "argparse.one_required": ("需要其中一个参数：%s", "one of the arguments %s is required"),
    "argparse.expected_one": ("需要一个值", "expected one argument"),
    "argparse.expected_at_most_one": ("最多一个值", "expected at most one argument"),
    "argparse.expected_at_least_one": ("至少一个值", "expected at least one argument"),
    "argparse.expected_n": ("需要 %s 个值", "expected %s argument"),
    "argparse.expected_n_plural": ("需要 %s 个值", "expected %s arguments"),
    "argparse.ambiguous": (
        "选项 %(option)s 有歧义，可能是：%(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "argparse.invalid_type": ("%(type)s 值无效：%(value)r", "invalid %(type)s value: %(value)r"),
}

CLI_PARSER: dict[str, tuple[str, str]] = {
    "cli.unknown_command": (
        "没有“{value}”这个命令（closure-tui --help 列出所有命令）",
        "there is no command “{value}” (closure-tui --help lists them all)",
    ),
    "cli.nearest_command": (
        "没有“{value}”这个命令，你是想输入“{command}”吗？",
        "there is no command “{value}”; did you mean “{command}”?",
    ),
    "err.choice": (
        "{option} 没有“{value}”这个选项。可选：{choices}。",
        "{option} has no choice “{value}”. Choose one of: {choices}.",
    ),
    "cli.config_problem": (
        "配置文件有问题，已使用默认设置：{problem}",
        "Problem in the config file, using defaults: {problem}",
    ),
}
