"""Table columns sized to what they hold, within the width there is.

Why: columns of fixed widths were cut off at the window's right edge on a 1366-wide laptop
(a phone column showing "(508)", a coach column out of sight), and Qt's own "resize to
contents" reads every cell of every row each time anything changes. Here each column wants
the width of its header and of the widest of the first rows; short columns (times, counts,
phones) get all they want, and the long ones share what is left, each at least as wide as
its header. A cell cut short ends in "…", and its full text is its tooltip (RowTableModel).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ui.models.row_table import two_lines as split_in_two

TIP = Qt.ItemDataRole.ToolTipRole
DEFAULT_HEADER_MARGIN = 16  # a header's padding and frame, when no section can say
SAMPLE_ROWS = 120  # rows read to size a column: enough to see its usual widths
CELL_PADDING = 8  # the cell's margins and focus frame on either side of the text


def header_text_width(view: QAbstractItemView, column: int) -> int:
    """What the header of `column` needs to show its whole text (Qt's own measure)."""
    return max(0, view.horizontalHeader().sectionSizeHint(column))


def cell_text_width(view: QAbstractItemView, column: int, rows: int = SAMPLE_ROWS) -> int:
    model = view.model()
    metrics = view.fontMetrics()
    widest = 0
    for row in range(min(rows, model.rowCount())):
        text = model.data(model.index(row, column))
        if isinstance(text, str) and text:
            widest = max(widest, metrics.horizontalAdvance(text))
    return widest + CELL_PADDING if widest else 0


def share_width(
    wanted: list[int], floors: list[int], available: int, first: tuple[int, ...] = ()
) -> list[int]:
    """Widths for columns that want `wanted`, never below `floors`, within `available`:
    the `first` columns (those read first, such as a name), in order, get all they want if
    they can; then the columns wanting less than an even share get it all, and the rest
    share what is left."""
    if sum(wanted) <= available:
        return list(wanted)
    widths = list(floors)
    left = available - sum(floors)
    for column in first:
        given = max(0, min(left, wanted[column] - floors[column]))
        widths[column] += given
        left -= given
    open_columns = [i for i, want in enumerate(wanted) if want > widths[i]]
    while left > 0 and open_columns:
        share = left // len(open_columns)
        if share == 0:
            break
        satisfied = [i for i in open_columns if wanted[i] - widths[i] <= share]
        if not satisfied:
            for i in open_columns:
                widths[i] += share
            left -= share * len(open_columns)
            break
        for i in satisfied:
            left -= wanted[i] - widths[i]
            widths[i] = wanted[i]
            open_columns.remove(i)
    return widths


class ColumnFitter(QObject):
    """Keeps a table's columns fitted as its rows change and as it is resized."""

    def __init__(
        self,
        view: QAbstractItemView,
        *,
        stretch: int | None = None,
        first: tuple[int, ...] | None = None,
        optional: tuple[int, ...] = (),
    ) -> None:
        super().__init__(view)
        self._view = view
        self._stretch = stretch
        self._first = (() if stretch is None else (stretch,)) if first is None else first
        self._optional = optional
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.layoutChanged,
            model.dataChanged,
        ):
            signal.connect(self._timer.start)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new size, or a new text size or theme (a staff member's larger text, ui/look.py).
        if event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._timer.start()
        return False

    def fit(self) -> None:
        view, model = self._view, self._view.model()
        header = view.horizontalHeader()
        available = view.viewport().width()
        hidden = set()
        while True:
            columns = [
                c
                for c in range(model.columnCount())
                if c not in hidden and not (header.isSectionHidden(c) and c not in self._optional)
            ]
            if not columns:
                return
            cells = [cell_text_width(view, c) for c in columns]
            floors = self._header_floors(columns, cells, available)
            wanted = [max(floor, cell) for floor, cell in zip(floors, cells, strict=True)]
            spare_optional = [c for c in self._optional if c in columns]
            if sum(wanted) <= available or not spare_optional:
                break
            hidden.add(spare_optional[-1])  # short of width: the least needed columns go
        for column in self._optional:
            header.setSectionHidden(column, column in hidden)
        first = tuple(columns.index(c) for c in self._first if c in columns)
        widths = share_width(wanted, floors, available, first)
        spare = available - sum(widths)
        if spare > 0:  # the column that reads best wider takes the rest
            target = columns.index(self._stretch) if self._stretch in columns else len(columns) - 1
            widths[target] += spare
        for column, width in zip(columns, widths, strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _header_floors(self, columns: list[int], cells: list[int], available: int) -> list[int]:
        """Each header's width: on one line when the columns all fit so with their cells,
        else on two lines (a model that can: RowTableModel), which leaves the cells room."""
        view, model = self._view, self._view.model()
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        texts = []
        margins = []
        for column in columns:
            shown = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            full = str(model.headerData(column, Qt.Orientation.Horizontal, TIP) or shown)
            texts.append(full)
            if not header.isSectionHidden(column):  # a hidden section has no size hint
                margins.append(header_text_width(view, column) - _lines_width(metrics, shown))
        margin = max(margins, default=DEFAULT_HEADER_MARGIN)
        one_line = [metrics.horizontalAdvance(text) + margin for text in texts]
        two_lines = [_lines_width(metrics, split_in_two(text)) + margin for text in texts]
        wrap = getattr(model, "set_two_line_headers", None)
        wanted = [max(header, cell) for header, cell in zip(one_line, cells, strict=True)]
        want_two = wrap is not None and sum(wanted) > available
        if wrap is not None:
            wrap(want_two)
        estimates = two_lines if want_two else one_line
        # Qt's own measure where the header can give it (a style sheet's bold header font is
        # wider than the header's font metrics say); the estimate for a hidden column.
        return [
            max(estimate, header_text_width(view, column))
            for estimate, column in zip(estimates, columns, strict=True)
        ]


def _lines_width(metrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def fit_columns(
    view: QAbstractItemView,
    *,
    stretch: int | None = None,
    first: tuple[int, ...] | None = None,
    optional: tuple[int, ...] = (),
) -> ColumnFitter:
    """Size `view`'s columns to their contents within its width (see the module's note):
    `stretch` takes the width left over; the `first` columns (those read first, such as a
    name; `stretch` unless given) get all they want before the others share; the `optional`
    columns (most needed first) are left out, the last first, only when the table is too
    narrow for all of them."""
    return ColumnFitter(view, stretch=stretch, first=first, optional=optional)
