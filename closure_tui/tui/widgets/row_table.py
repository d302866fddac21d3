"""A table of rows (no cell cursor): Home / End move to the first / last row."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class RowTable(DataTable[Any]):
    """`DataTable` with a row cursor; Home / End go to the first / last row, as everywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first_row", show=False),
        Binding("end", "last_row", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))

    def selected_key(self) -> str | None:
        """The key of the row under the cursor, None when the table is empty."""
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value
