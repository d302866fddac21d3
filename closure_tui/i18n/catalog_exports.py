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
}
