"""Export and import text: refused targets, archives, import checks and their warnings."""

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
}
