"""Behaviour of the Resources page: search as you type, filters, detail, verify, edit, basket.

The directory lives in an in-memory index (desk.directory.search_index) that searches run
against on a worker thread; each keystroke's search carries a number, and only the newest
answer is shown. The index refreshes itself incrementally when another station changes the
directory or the settings (other topics are ignored), and the open-now column is redrawn
every minute. Rows and the detail are redrawn only where something changed, so a refresh
keeps the selection and both scroll positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk.access import Permission
from desk.db.changes import ANY_TOPIC
from desk.directory.detail import ServiceDetail, load_service_detail, service_version
from desk.directory.editing import ServiceEdit, hours_kept_as_they_are, update_service
from desk.directory.freshness import mark_verified, reverify_queue
from desk.directory.search_index import DirectoryIndex, DirectoryQuery, Facets
from desk.errors import DeskError, StaleEdit
from desk.services.settings import load_settings
from ui.context import AppContext
from ui.error_words import in_words
from ui.pages.resources.data_exchange import DataExchange
from ui.pages.resources.detail_html import detail_html
from ui.pages.resources.edit_dialog import ServiceEditDialog, kept_hours_text
from ui.pages.resources.queue_dialog import ReverifyQueueDialog
from ui.pages.resources.view import ResourcesView
from ui.tasks import LONG_DEADLINE_S
from ui.widgets.keys import bind_key, note_key
from ui.widgets.page import Page
from ui.words import fill

SPLITTER_KEY = "resources/splitter"
# Change topics this page shows; "*" comes from SQLite, which cannot say what changed.
TOPICS_SHOWN = frozenset({"directory", "settings", ANY_TOPIC})


@dataclass(frozen=True)
class DirectoryState:
    """What a refresh found, counted on the worker so the GUI thread never waits for the index."""

    zone: ZoneInfo
    stale_after_days: int
    facets: Facets
    generation: int
    shown_id: str | None  # the resource in the detail pane when the refresh started
    shown_version: int | None  # its version now (None: no longer in the directory)


class ResourcesPage(Page):
    page_id = "resources"
    required_permission = Permission.SEARCH_DIRECTORY

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view = ResourcesView()
        for button in (self.view.verify_button, self.view.edit_button, self.view.queue_button):
            button.setVisible(context.may(Permission.EDIT_DIRECTORY))
        for button in (
            self.view.import_hsds_button,
            self.view.import_sheet_button,
            self.view.export_button,
        ):
            button.setVisible(context.may(Permission.IMPORT_EXPORT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.view)
        self.index = DirectoryIndex()
        self.zone = ZoneInfo("America/New_York")
        self.stale_after_days = 90
        self.detail: ServiceDetail | None = None
        self.edit_dialog: ServiceEditDialog | None = None
        self.queue_dialog: ReverifyQueueDialog | None = None
        self.exchange = DataExchange(self)
        self._serial = 0
        self._needs_refresh = True
        self._typed_search_pending = False
        self._refreshing = False
        self._refresh_again = False
        self._generation: int | None = None
        self._facets: Facets | None = None
        v = self.view
        v.search.textChanged.connect(self.search)
        v.search.installEventFilter(self)
        for combo in (v.category, v.when, v.language, v.cost, v.town):
            combo.currentIndexChanged.connect(self.search)
        v.walk_ins.toggled.connect(self.search)
        v.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._row_chosen(current.row())
        )
        v.add_button.clicked.connect(self.add_highlighted)
        v.verify_button.clicked.connect(self.verify_current)
        v.edit_button.clicked.connect(self.edit_current)
        v.queue_button.clicked.connect(self.show_queue)
        v.import_hsds_button.clicked.connect(self.exchange.choose_hsds_import)
        v.import_sheet_button.clicked.connect(self.exchange.choose_list_import)
        v.export_button.clicked.connect(self.exchange.choose_export)
        self._set_detail_buttons(False)
        self._bind_keys()
        context.changes.changed.connect(self._on_changes)
        self.minute_timer = QTimer(self)
        self.minute_timer.setInterval(60_000)
        self.minute_timer.timeout.connect(lambda: self.search(keep_view=True))
        self.minute_timer.start()
        # The columns fit themselves to the width (ui/widgets/column_fit.py); the split
        # between results and detail is the station's own.
        state = context.settings.value(SPLITTER_KEY)
        if state is not None:
            v.splitter.restoreState(state)
        v.splitter.splitterMoved.connect(self._remember_layout)

    @property
    def title(self) -> str:
        return self.tr("Resources")

    def activate(self) -> None:
        if self._needs_refresh:
            self.refresh()
        self.view.search.setFocus()

    # Loading and searching ------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the index up to date with the database, then show what changed, if anything.

        The index is read and its filter lists counted on a worker; the GUI thread never
        waits for the index, which a worker may hold for seconds while it reloads.
        """
        self._needs_refresh = False
        if self._refreshing:
            self._refresh_again = True  # one more when this one is done, however many asked
            return
        self._refreshing = True
        index = self.index
        shown = self.detail.id if self.detail is not None else None

        def work(session) -> DirectoryState:
            settings = load_settings(session)
            index.refresh(session)
            return DirectoryState(
                zone=settings.timezone,
                stale_after_days=int(settings["directory.stale_after_days"]),
                facets=index.facets(),
                generation=index.generation,
                shown_id=shown,
                shown_version=service_version(session, shown) if shown is not None else None,
            )

        self.context.tasks.submit(
            work, self._refreshed, self._refresh_failed, deadline=LONG_DEADLINE_S, read_only=True
        )

    def _refresh_done(self) -> None:
        self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _refresh_failed(self, error: DeskError) -> None:
        self._failed(error)
        self._refresh_done()

    def _refreshed(self, state: DirectoryState) -> None:
        settings_changed = (state.zone, state.stale_after_days) != (
            self.zone,
            self.stale_after_days,
        )
        self.zone = state.zone
        self.stale_after_days = state.stale_after_days
        if state.facets != self._facets:
            self._facets = state.facets
            self.view.show_facets(state.facets)
        if state.generation != self._generation or settings_changed:
            self._generation = state.generation
            self.search(keep_view=True)
        detail = self.detail
        if (
            detail is not None
            and detail.id == state.shown_id
            and (state.shown_version != detail.version or settings_changed)
        ):
            self.show_service(detail.id)
        self._refresh_done()

    def query(self) -> DirectoryQuery:
        v = self.view
        return DirectoryQuery(
            text=v.search.text(),
            category=v.category.currentData(),
            when=v.when.currentData(),
            walk_ins=v.walk_ins.isChecked(),
            language=v.language.currentData(),
            cost=v.cost.currentData(),
            town=v.town.currentData(),
        )

    def now_local(self) -> datetime:
        return datetime.now(self.zone).replace(tzinfo=None)

    def search(self, *_args, keep_view: bool = False) -> None:
        """Search again; `keep_view`: the same search with fresher data, so keep the scroll."""
        if not keep_view:
            self._typed_search_pending = True
        keep_view = keep_view and not self._typed_search_pending
        self._serial += 1
        serial = self._serial
        query = self.query()
        index = self.index
        now = self.now_local()

        def work(_session):
            result = index.search(query, now)
            return serial, [index.card(i) for i in result.ids], now, result.total_services

        self.context.tasks.submit(
            work, lambda answer: self._show_results(answer, keep_view), self._failed, read_only=True
        )

    def _show_results(self, answer, keep_view: bool = False) -> None:
        serial, cards, now, total = answer
        if serial != self._serial:
            return  # a newer keystroke's answer is on its way
        self._typed_search_pending = False
        table = self.view.table
        chosen = self.detail.id if self.detail else None
        scrolled = table.verticalScrollBar().value()
        reset = self.view.model.set_results(cards, now, self.stale_after_days)
        self.view.count.setText(fill(self.tr("%1 of %2 resources"), str(len(cards)), str(total)))
        if reset and keep_view:
            table.verticalScrollBar().setValue(scrolled)
        row = self.view.model.row_of(chosen) if chosen else -1
        if row < 0 and not keep_view and self.view.model.rowCount() and self.query().text.strip():
            row = 0  # show the best match straight away
        if row >= 0 and row != table.currentIndex().row():
            table.selectRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box moves to the results, as in any search field."""
        if (
            watched is self.view.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.view.model.rowCount()
        ):
            self.view.table.setFocus()
            if self.view.table.currentIndex().row() < 0:
                self.view.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # The chosen resource ----------------------------------------------------------------------

    def _row_chosen(self, row: int) -> None:
        service_id = self.view.model.service_id(row)
        if service_id is not None and (self.detail is None or self.detail.id != service_id):
            self.show_service(service_id)

    def show_service(self, service_id: str) -> None:
        self.context.tasks.submit(
            lambda session: load_service_detail(session, service_id),
            self._show_detail,
            self._failed,
        )

    def _show_detail(self, detail: ServiceDetail) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        if not same:
            self.view.detail_status.setText("")  # what was said was about another resource
        self.detail = detail
        now_utc = datetime.now(UTC)
        now = now_utc.astimezone(self.zone)
        scroll = self.view.detail.verticalScrollBar()
        scrolled = scroll.value()
        self.view.detail.setHtml(
            detail_html(
                detail, now.replace(tzinfo=None), now_utc, now.date(), self.stale_after_days
            )
        )
        if same:
            scroll.setValue(scrolled)  # the same resource, newer: stay where staff were reading
        self._set_detail_buttons(True)

    def _set_detail_buttons(self, enabled: bool) -> None:
        for button in (self.view.add_button, self.view.verify_button, self.view.edit_button):
            button.setEnabled(enabled)

    def _bind_keys(self) -> None:
        v = self.view
        note_key(self, "Down", self.tr("From the search to the results (Enter too)"))
        for keys, what, target in (
            ("Ctrl+F", self.tr("Search"), self._focus_search),
            ("Ctrl+D", self.tr("Verified today"), v.verify_button),
            ("Ctrl+E", self.tr("Edit the service"), v.edit_button),
            ("Ctrl+Shift+W", self.tr("Walk-ins only, or not"), v.walk_ins),
            ("Ctrl+Shift+Q", self.tr("The re-verify queue"), v.queue_button),
            ("Ctrl+Shift+I", self.tr("Import HSDS"), v.import_hsds_button),
            ("Ctrl+Shift+L", self.tr("Import a list"), v.import_sheet_button),
            ("Ctrl+Shift+X", self.tr("Export HSDS"), v.export_button),
        ):
            bind_key(self, keys, what, target)
        # Whether or not the highlighted service's detail has come yet.
        adding = self.tr("Add the highlighted service to the referral, back to the search")
        bind_key(self, "Ctrl+Return", adding, self.add_highlighted, also_on=(v.add_button,))
        enter = QShortcut(QKeySequence("Ctrl+Enter"), self)  # the keypad's Enter
        enter.activated.connect(self.add_highlighted)

    def _focus_search(self) -> None:
        self.view.search.setFocus()
        self.view.search.selectAll()

    def add_highlighted(self) -> None:
        """The service highlighted in the results (whose detail may still be on its way) goes
        into the referral; the keyboard goes back to the search for the next one."""
        card = self.view.model.row_at(self.view.table.currentIndex().row())
        if card is not None:
            self._add(card.id, card.name)
        elif self.detail is not None:
            self._add(self.detail.id, self.detail.name)
        self._focus_search()

    def add_to_referral(self) -> None:
        if self.detail is None:
            return
        self._add(self.detail.id, self.detail.name)

    def _add(self, service_id: str, name: str) -> None:
        added = self.context.basket.add(service_id, name)
        count = len(self.context.basket.items)
        message = (
            self.tr("Added to the referral (%1 in all).")
            if added
            else self.tr("Already in the referral (%1 in all).")
        )
        self.view.detail_status.setText(fill(message, str(count)))

    def verify_current(self) -> None:
        detail = self.detail
        if detail is None:
            return
        actor = self.context.actor
        today = datetime.now(self.zone).date()
        self.view.verify_button.setEnabled(False)
        self.context.tasks.submit(
            lambda session: mark_verified(
                session, actor, detail.id, read_version=detail.version, today=today
            ),
            lambda _version: self._verified(detail.id),
            self._detail_failed,
        )

    def _verified(self, service_id: str) -> None:
        self.view.detail_status.setText(
            fill(self.tr("Verified today by %1."), self.context.actor.display_name)
        )
        self._after_change(service_id)

    def _after_change(self, service_id: str) -> None:
        if self.detail is None or self.detail.id != service_id:
            self.show_service(service_id)
        self.refresh()  # shows the newer version of the resource on screen
        if self.queue_dialog is not None and self.queue_dialog.isVisible():
            self.show_queue()

    def edit_current(self) -> None:
        if self.detail is None:
            return
        detail = self.detail
        dialog = ServiceEditDialog(
            ServiceEdit.from_detail(detail),
            self,
            kept_hours=[kept_hours_text(line) for line in hours_kept_as_they_are(detail)],
        )
        self.edit_dialog = dialog
        dialog.save_requested.connect(lambda edit: self._save_edit(dialog, detail, edit))
        dialog.open()

    def _save_edit(
        self, dialog: ServiceEditDialog, detail: ServiceDetail, edit: ServiceEdit
    ) -> None:
        actor = self.context.actor

        def failed(error: DeskError) -> None:
            message = in_words(error)
            if isinstance(error, StaleEdit):
                message += " " + self.tr("(Cancel, look at the new details, and edit again.)")
            dialog.show_error(message)

        self.context.tasks.submit(
            lambda session: update_service(
                session, actor, detail.id, edit, read_version=detail.version
            ),
            lambda _version: (dialog.accept(), self._saved(detail.id)),
            failed,
        )

    def _saved(self, service_id: str) -> None:
        self.view.detail_status.setText(self.tr("Saved."))
        self._after_change(service_id)

    def _detail_failed(self, error: DeskError) -> None:
        self._set_detail_buttons(self.detail is not None)
        self.view.detail_status.setText(in_words(error))

    # The re-verify queue ----------------------------------------------------------------------

    def show_queue(self) -> None:
        if self.queue_dialog is None:
            self.queue_dialog = ReverifyQueueDialog(self)
            self.queue_dialog.open_requested.connect(self.show_service)
        today = datetime.now(self.zone).date()
        days = self.stale_after_days
        self.context.tasks.submit(
            lambda session: reverify_queue(session, today=today, stale_after_days=days),
            lambda entries: self.queue_dialog.set_entries(entries, days),
            self._failed,
        )
        self.queue_dialog.show()

    # Elsewhere ------------------------------------------------------------------------------

    def _on_changes(self, topics: set[str]) -> None:
        """Another station changed something; only the directory and settings matter here."""
        if not set(topics) & TOPICS_SHOWN:
            return  # a sign-in, a new person, ...: nothing on this page changed
        if self.isVisible():
            self.refresh()
        else:
            self._needs_refresh = True

    def _failed(self, error: DeskError) -> None:
        self.view.banner.show_message(in_words(error), "error")

    def _remember_layout(self, *_args) -> None:
        self.context.settings.setValue(SPLITTER_KEY, self.view.splitter.saveState())
