"""What is wrong in `config.toml`, said in the user's language (defaults stand in)."""

from __future__ import annotations

CONFIG: dict[str, tuple[str, str]] = {
    "cfg.table": ("[{name}] 必须是一个表（table）", "[{name}] must be a table"),
    "cfg.text": ("{name} 必须是文字", "{name} must be text"),
    "cfg.choice": ("{name} 只能是 {choices}", "{name} must be {choices}"),
    "cfg.key": (
        "{name} 必须是按键名称，例如 'ctrl+t'",
        "{name} must be a key name such as 'ctrl+t'",
    ),
    "cfg.bool": ("{name} 必须是 true 或 false", "{name} must be true or false"),
    "cfg.whole": (
        "{name} 必须是整数（{low}–{high}）",
        "{name} must be a whole number ({low}-{high})",
    ),
    "cfg.days": (
        "{name} 必须是整数天数（{low}–{high}）",
        "{name} must be a whole number of days ({low}-{high})",
    ),
    "cfg.time": (
        "{name} 必须是一天中的时间，例如 '08:00'",
        "{name} must be a time of day such as '08:00'",
    ),
    "cfg.order": ("{first} 必须早于 {second}", "{first} must be before {second}"),
    "cfg.unknown_channel": (
        "{name}：没有“{value}”这个投诉渠道",
        "{name}: unknown channel “{value}”",
    ),
    "cfg.unreadable": ("{path}：无法读取（{error}）", "{path}: cannot be read ({error})"),
    "cfg.too_deep": ("{path}：嵌套太深，无法读取", "{path}: nested too deeply to read"),
}
