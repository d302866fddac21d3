"""The dashboard's platform list, painted a line at a time (Textual's Line API).

A `DataTable` measures and renders every cell it is given; with thousands of
platforms that made the first frame and each filter keystroke slow. This table
measures the columns once per data change (`load`), takes the rows to show as a
list of keys (`show`, O(n), nothing measured), and renders only the lines on
screen, caching each row's strip by key until the data, the width or the styles
change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from closure_tui.tui.actions import bindings, localize

#: Blank cells on each side of every cell.
PADDING = 1
#: A column is never narrowed below this many cells to fit the width.
MIN_WIDTH = 6
#: Rendered rows kept (a few screenfuls), so scrolling through thousands stays bounded.
CACHED_ROWS = 500
HEADER, EVEN, ODD, CURSOR = (
    "platform-table--header",
    "platform-table--even-row",
    "platform-table--odd-row",
    "platform-table--cursor",
)


#: Which columns give way when the row is too wide: groups in turn, each a list of
#: (column, narrowest width); a column in no group keeps its width.
Give = Sequence[Sequence[tuple[int, int]]]


def fit_widths(natural: Sequence[int], room: int, give: Give | None = None) -> list[int]:
    """Narrow the widest columns of the first group, a cell at a time, then the next
    group's, until the row fits in `room` cells (every column, by default)."""
    widths = list(natural)
    excess = sum(widths) + 2 * PADDING * len(widths) - room
    groups = give if give is not None else [[(c, MIN_WIDTH) for c in range(len(widths))]]
    for group in groups:
        while excess > 0:
            able = [column for column, least in group if widths[column] > least]
            if not able:
                break
            widths[max(able, key=widths.__getitem__)] -= 1
            excess -= 1
    return widths


def fit_cell(cell: Text, width: int) -> tuple[Text, int]:
    """`cell` cropped to `width` cells with an ellipsis, and the blank cells it leaves."""
    length = cell.cell_len
    if length > width:
        # Cropping in the middle of a wide character leaves a blank: the ellipsis goes
        # right after the last character shown, the blank after it.
        cell = cell.copy()
        cell.truncate(width - 1, overflow="crop")
        cell.rstrip()
        cell.append("…")
        length = cell_len(cell.plain)
    return cell, width - length


class PlatformTable(ScrollView, can_focus=True):
    """Rows of cells keyed by platform id, a header line, zebra stripes and a row cursor.

    `enter`, or a click on the highlighted row, posts `Selected` with the platform id.
    """

    DEFAULT_CSS = """
    PlatformTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .platform-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .platform-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .platform-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .platform-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .platform-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .platform-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .platform-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {HEADER, EVEN, ODD, CURSOR}
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("platform_table"),
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    class Selected(Message):
        """The user opened a row (`enter`, or a click on the highlighted row)."""

        def __init__(self, platform_id: int) -> None:
            super().__init__()
            self.platform_id = platform_id

    def __init__(self, *, id: str | None = None, give: Give | None = None) -> None:
        super().__init__(id=id)
        self.give = give
        self._headers: tuple[Text, ...] = ()
        self._cells: Mapping[int, Sequence[Text]] = {}
        self._natural: list[int] = []
        self._keys: list[int] = []
        self._cursor = 0
        #: Column widths fitted to `_fitted_for` cells, and a row's cells in them.
        self._widths: list[int] = []
        self._row_length = 0
        self._fitted_for = -1
        #: Each row's cells as one line of segments, by key; then across the width and
        #: styled (stripe or cursor) by (key, component class).
        self._lines: LRUCache[int, list[Segment]] = LRUCache(CACHED_ROWS)
        #: A cell's padded segments by (id of the cell, width): most cells (kind, progress,
        #: next step) are one object shared by many rows. Emptied with `_lines`, while
        #: `_cells` keeps every cell alive, so an id is never reused within it.
        self._padded: dict[tuple[int, int], list[Segment]] = {}
        self._styled: LRUCache[tuple[int, str], Strip] = LRUCache(CACHED_ROWS)
        self._header: Strip | None = None
        #: Each component's Rich style, over the table's own.
        self._styles: dict[str, Style] = {}

    def on_mount(self) -> None:
        localize(self)

    # ---- data ----------------------------------------------------------------------------

    def load(self, headers: Sequence[Text], rows: Mapping[int, Sequence[Text]]) -> None:
        """New data: the column headers and every row's cells by key.

        The columns are measured here from all rows, so they keep their widths while
        `show` narrows the rows (a filter) and the columns do not jump.
        """
        self._headers = tuple(headers)
        self._cells = rows
        widths = [header.cell_len for header in self._headers]
        for column, cells in enumerate(zip(*rows.values(), strict=False)):
            distinct = {id(cell): cell for cell in cells}.values()  # a shared cell once
            widths[column] = max(widths[column], *(cell.cell_len for cell in distinct))
        self._natural = widths
        self._forget(lines=True)

    def show(self, keys: Sequence[int]) -> None:
        """Show these rows (keys given to `load`), in order, keeping the highlighted one."""
        keys = list(keys)
        if keys == self._keys:
            return  # the same rows (a keystroke that matches the same platforms)
        highlighted = self.highlighted
        self._keys = keys
        try:
            self._cursor = keys.index(highlighted) if highlighted is not None else 0
        except ValueError:
            self._cursor = 0
        self.virtual_size = Size(0, len(keys) + 1)
        self._scroll_to_cursor()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._keys)

    def row_cells(self, index: int) -> Sequence[Text]:
        """The cells of the row shown at `index` (0 is the first row under the header)."""
        return self._cells[self._keys[index]]

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def highlighted(self) -> int | None:
        """The key (platform id) of the row under the cursor."""
        return self._keys[self._cursor] if self._keys else None

    def move_cursor(self, index: int) -> None:
        """Highlight the row at `index` (clamped to the rows shown) and scroll it into view."""
        if not self._keys:
            return
        index = max(0, min(index, len(self._keys) - 1))
        if index != self._cursor:
            self.refresh_line(self._cursor + 1)
            self._cursor = index
            self.refresh_line(index + 1)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        page = self.size.height - 1
        if page <= 0:
            return  # not laid out yet: `on_resize` comes back here
        top = self.scroll_offset.y
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False)
        elif self._cursor >= top + page:
            self.scroll_to(y=self._cursor - page + 1, animate=False)

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    # ---- painting ------------------------------------------------------------------------

    def _forget(self, *, lines: bool) -> None:
        """Drop cached strips: all of them when `lines`, else only what styles change."""
        if lines:
            self._lines.clear()
            self._padded.clear()
            self._widths = []
        self._fitted_for = -1
        self._styles.clear()
        self._styled.clear()
        self._header = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget(lines=False)

    def _fit(self, width: int) -> None:
        """Fit the columns to `width`; rows keep their lines while the widths stay the same."""
        if width == self._fitted_for:
            return
        widths = fit_widths(self._natural, width, self.give)
        if widths != self._widths:
            self._widths = widths
            self._row_length = sum(widths) + 2 * PADDING * len(widths)
            self._lines.clear()
            self._padded.clear()
        self._fitted_for = width
        self._styled.clear()
        self._header = None

    def _line(self, cells: Sequence[Text]) -> list[Segment]:
        """The cells side by side in the fitted widths, each padded by its justify."""
        segments: list[Segment] = []
        padded = self._padded
        for cell, width in zip(cells, self._widths, strict=False):
            key = (id(cell), width)
            found = padded.get(key)
            if found is None:
                found = padded[key] = self._pad(cell, width)
            segments += found
        # One segment per run of a style, as `Text.render` gives: each segment becomes its
        # own escape codes on the way to the terminal.
        return list(Segment.simplify(segments))

    def _pad(self, cell: Text, width: int) -> list[Segment]:
        """One cell's segments fitted to `width`, with the gaps around it."""
        fitted, blank = fit_cell(cell, width)
        left, right = PADDING, PADDING
        if fitted.justify == "right":
            left += blank
        else:
            right += blank
        if not fitted.spans and not fitted.style:  # one unstyled run, gaps and all
            return [Segment(" " * left + fitted.plain + " " * right)]
        if fitted.spans:
            body = list(fitted.render(self.app.console))
        else:  # what `Text.render` gives for one style, without its span machinery
            body = [Segment(fitted.plain, self.app.console.get_style(fitted.style))]
        return [Segment(" " * left), *body, Segment(" " * right)]

    def _paint(self, line: list[Segment], name: str) -> Strip:
        """`line` across the whole width in the style of component `name`, built as one
        strip (a Strip is costly to make, and the first frame paints a screenful)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.rich_style + self.get_component_rich_style(name)
        width, length = self._fitted_for, self._row_length
        if length > width:  # too wide even with the columns narrowed: cropped
            return Strip(line, length).adjust_cell_length(width).apply_style(style)
        if length < width:
            line = [*line, Segment(" " * (width - length))]
        return Strip(Segment.apply_style(line, style), width)

    def render_line(self, y: int) -> Strip:
        self._fit(self.size.width)
        if y == 0:
            if self._header is None:
                self._header = self._paint(self._line(self._headers), HEADER)
            return self._header
        index = self.scroll_offset.y + y - 1
        if not 0 <= index < len(self._keys):
            return Strip.blank(self._fitted_for, self.rich_style)
        key = self._keys[index]
        name = CURSOR if index == self._cursor else (ODD if index % 2 else EVEN)
        styled = self._styled.get((key, name))
        if styled is None:
            line = self._lines.get(key)
            if line is None:
                line = self._line(self._cells[key])
                self._lines.set(key, line)
            styled = self._paint(line, name)
            self._styled.set((key, name), styled)
        return styled

    # ---- keys and mouse ------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.size.height - 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_offset.y - self._page, animate=False)
        self.move_cursor(self._cursor - self._page)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_offset.y + self._page, animate=False)
        self.move_cursor(self._cursor + self._page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._keys) - 1)

    def action_select_cursor(self) -> None:
        if self._keys:
            self.post_message(self.Selected(self._keys[self._cursor]))

    def on_click(self, event: events.Click) -> None:
        """A click highlights a row; a click on the highlighted row opens it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = self.scroll_offset.y + offset.y - 1
        if index >= len(self._keys):
            return
        event.stop()
        if index == self._cursor:
            self.action_select_cursor()
        else:
            self.move_cursor(index)
