"""Why a data file or a stored record is unusable, in words (never a repr or a key)."""

from __future__ import annotations

RECORDS: dict[str, tuple[str, str]] = {
    "err.record.value": ("有一个值无效", "a value is not valid"),
    "err.record.time": ("不是有效的日期时间：{value}", "not a valid date and time: {value}"),
    "err.record.type": ("{field} 应为{kind}", "{field}: expected {kind}"),
    "err.record.enum": (
        "未知的取值“{value}”（应为 {choices} 之一）",
        "unknown value “{value}” (expected one of {choices})",
    ),
    "record.kind.text": ("文字", "text"),
    "record.kind.number": ("整数", "a whole number"),
    "record.kind.bool": ("true 或 false", "true or false"),
    "record.kind.object": ("对象", "an object"),
    "record.kind.list": ("列表", "a list"),
    "record.kind.id": ("数字编号", "a numeric id"),
    "err.record.required": ("缺少必填项：{fields}", "required fields missing: {fields}"),
    "err.record.copy_outside": (
        "附件的副本 {path} 不在 evidence/ 文件夹里",
        "the attachment's copy {path} is not inside evidence/",
    ),
    "err.file.constant": ("含有非标准的 JSON 常量 {name}", "non-standard JSON constant {name}"),
    "err.file.number": ("数字超出范围：{text}", "number out of range: {text}"),
    "err.file.duplicate_key": (
        "同一个对象里重复的键：{key}",
        "a key appears twice in one object: {key}",
    ),
    "err.file.utf8": (
        "不是 UTF-8 文本（第 {position} 个字节）",
        "not UTF-8 text (byte {position})",
    ),
    "err.file.json": (
        "不是有效的 JSON（第 {line} 行第 {column} 列）",
        "not valid JSON (line {line}, column {column})",
    ),
    "err.file.too_deep": ("JSON 嵌套太深，无法读取", "JSON nested too deeply to read"),
    "err.file.top_level": ("最外层不是一个 JSON 对象", "the top level is not a JSON object"),
    "err.file.meta": ("_meta 表格式不对", "the _meta table is malformed"),
    "err.file.schema": ("数据版本号无效：{value}", "invalid schema version: {value}"),
    "err.file.table": ("数据表 {table} 不是一个对象", "table {table} is not an object"),
    "err.file.id": ("{table}：编号 {id} 不是记录编号", "{table}: {id} is not a record id"),
    "err.file.record": (
        "{table} #{id}：记录不是一个对象",
        "{table} #{id}: the record is not an object",
    ),
    "err.file.other": (
        "_meta：这是 {named} 的内容，不是 {file}",
        "_meta: this is the content of {named}, not {file}",
    ),
    "err.file.counter": ("_meta：{key} 不是非负整数", "_meta: {key} is not a whole number"),
    "err.file.too_new": (
        "数据版本 {version} 比本程序支持的 {current} 新",
        "schema {version} is newer than {current}",
    ),
    "err.file.foreign": (
        "不是结清跟踪的数据文件（没有 {meta}，也没有 {tables}）",
        "not a closure-tui data file (no {meta} and no {tables})",
    ),
    "err.file.segment_frame": (
        "第 {position} 字节处的记录已损坏（不是崩溃时没写完的末尾）",
        "the record at byte {position} is damaged (not the unfinished end a crash leaves)",
    ),
    "err.file.segment_record": ("其中一条记录无法读取", "a record in it cannot be read"),
    "err.file.segments_without_base": (
        "文件不见了，而它后面的追加记录还在",
        "missing, while the records appended after it are still there",
    ),
}
