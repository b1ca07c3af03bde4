"""Someone at the kiosk pressed "First time / no card": the Front desk says so until one of
the desk greets them (Ctrl+D, or the button), on every station at once. Nobody is named: the
kiosk knows no one without a card; what they came for is shown if they chose it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desk.db.changes import ANY_TOPIC, Topic
from desk.errors import DeskError
from desk.services.kiosk import DoorCall, answer_door_request, open_door_requests
from ui.context import AppContext
from ui.error_words import in_words
from ui.words import fill


class DoorCalls(QWidget):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        label: Callable[[str], str] = lambda code: code,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doorCalls")
        self.context = context
        self.purpose_label = label
        self.calls: list[DoorCall] = []
        self.label = QLabel()
        self.label.setObjectName("doorCallsLine")
        self.label.setWordWrap(True)
        self.greeted = QPushButton(self.tr("Greeted (Ctrl+D)"))
        self.greeted.setObjectName("doorGreeted")
        self.greeted.clicked.connect(self.answer_oldest)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.greeted)
        QShortcut(QKeySequence("Ctrl+D"), parent or self, activated=self.answer_oldest)
        self.setVisible(False)
        context.changes.changed.connect(self._on_changes)

    def _on_changes(self, topics: set[str]) -> None:
        if topics & {Topic.VISITS, ANY_TOPIC}:
            self.refresh()

    def refresh(self) -> None:
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: open_door_requests(session, actor),
            self.show_calls,
            lambda _error: None,
            owner=self,
        )

    def show_calls(self, calls: list[DoorCall]) -> None:
        self.calls = calls
        self.setVisible(bool(calls))
        if not calls:
            return
        first = calls[0]
        why = (
            ", ".join(map(self.purpose_label, first.purposes))
            if first.purposes
            else self.tr("did not say")
        )
        self.label.setText(
            fill(
                self.tr(
                    "At the door: %1 waiting to be greeted (first time or no card), since %2; "
                    "came for: %3."
                ),
                str(len(calls)),
                self.context.center_time.time_text(first.asked_at),
                why,
            )
        )

    def answer_oldest(self) -> None:
        if not self.calls:
            return
        actor, request_id = self.context.actor, self.calls[0].id
        self.context.tasks.submit(
            lambda session: answer_door_request(session, actor, request_id),
            lambda _none: self.refresh(),
            self._failed,
            owner=self,
        )

    def _failed(self, error: DeskError) -> None:
        self.label.setText(in_words(error))
