"""The referral sheet's preview, kept current as staff edit the basket.

Each change starts a short timer; when it runs out, the sheet is built and rendered on a
worker, with its first page rasterised there too. A run that is already out of date when it
starts (or when the PDF is ready) stops there: only the newest edit is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desk.errors import DeskError
from desk.services.actor import Actor
from desk.services.referrals import PreparedSheet, ReferralRequest, prepare_sheet
from desk.services.settings import center_today
from ui.error_words import in_words
from ui.printing.preview import PdfPreview, render_first_pages
from ui.tasks import TaskRunner

PREVIEW_DELAY_MS = 350


class _Runs:
    """The newest run asked for; read by workers to skip a run that is out of date."""

    def __init__(self) -> None:
        self.latest = 0


class LivePreview(QObject):
    shown = Signal(object)  # the PreparedSheet now on screen
    refused = Signal(object)  # the DeskError that says why there is no sheet
    due = Signal()  # the pause after a change is over: time to refresh (the owner decides how)

    def __init__(
        self,
        tasks: TaskRunner,
        actor: Actor,
        preview: PdfPreview,
        request: Callable[[], ReferralRequest],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.actor = actor
        self.preview = preview
        self.request = request
        self._runs = _Runs()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.due)

    def schedule(self, *_args) -> None:
        self._timer.start()

    def cancel(self) -> None:
        """Nothing to show: any run under way is out of date."""
        self._timer.stop()
        self._runs.latest += 1

    def refresh(self) -> None:
        self._timer.stop()
        runs = self._runs
        runs.latest += 1
        serial, request, actor = runs.latest, self.request(), self.actor
        width = self.preview.first_pages_width()

        def work(session) -> tuple[PreparedSheet, list] | None:
            if serial != runs.latest:
                return None  # changed again since: the newer run shows it
            prepared = prepare_sheet(session, actor, request, center_today(session))
            if serial != runs.latest:
                return None
            return prepared, render_first_pages(prepared.pdf, width)

        def done(result: tuple[PreparedSheet, list] | None) -> None:
            if result is None or serial != runs.latest:
                return
            prepared, first_pages = result
            self.preview.show_pages(prepared.pdf, first_pages)
            self.shown.emit(prepared)

        def failed(error: DeskError) -> None:
            if serial == runs.latest:
                self.preview.show_message(in_words(error))
                self.refused.emit(error)

        self.tasks.submit(work, done, failed)
