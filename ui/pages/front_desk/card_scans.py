"""A sign-in card scanned into the sign-in box: the holder signed in at once, no Enter, no
list of names, and the desk told who and why; or told why no one was signed in.

A USB scanner types like a keyboard. A card's code is recognised by its shape (desk.cards.
tokens: "RD", 17 digits and a check digit) as soon as its last digit arrives, even after
something staff had typed; while the box holds what could still become a code ("RD12…") no
lookup runs, so no names flash up under a scan. At Enter, a cut-short or misread code, or
another barcode (eleven or more digits: a soda can, a library card) is refused in words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject

from desk.cards.signing import CardSignIn
from desk.cards.tokens import ScanKind, card_at_end, may_become_card, read_scan
from desk.errors import DeskError
from desk.names import shown_name
from desk.services.cards import sign_in_by_card
from ui.context import AppContext
from ui.pages.front_desk.view import FrontDeskView
from ui.words import fill

FOREIGN_DIGITS = 11  # longer than any phone number staff would type


class CardScans(QObject):
    def __init__(
        self,
        context: AppContext,
        view: FrontDeskView,
        *,
        signed_in: Callable[[int], None],
        show_error: Callable[[DeskError], None],
    ) -> None:
        super().__init__(view)
        self.context = context
        self.view = view
        self._signed_in = signed_in
        self._show_error = show_error

    def take_text(self, text: str) -> bool:
        """True when `text` is (or may become) a card's code: the lookup waits."""
        token = card_at_end(text)
        if token is not None:
            self.view.sign_in_box.clear()
            self._scan(token)
            return True
        if may_become_card(text) and len(text.strip()) > 1:
            self.view.results_model.set_matches([])
            return True
        return False

    def take_enter(self, text: str) -> bool:
        """True when Enter ended a scan that is not a whole card (refused in words)."""
        cleaned = text.strip()
        kind = read_scan(cleaned).kind
        digits = cleaned.isdigit() and len(cleaned) >= FOREIGN_DIGITS
        if kind in (ScanKind.PARTIAL, ScanKind.MISREAD) or digits:
            self.view.sign_in_box.clear()
            self._scan(cleaned)
            return True
        return False

    def _scan(self, scanned: str) -> None:
        actor = self.context.actor
        self.view.hint.setText(self.tr("Reading the card…"))
        self.context.tasks.submit(
            lambda session: sign_in_by_card(session, actor, scanned),
            self._done,
            self._failed,
        )

    def _failed(self, error: DeskError) -> None:
        self.view.hint.setText("")
        self._show_error(error)

    def _done(self, result: CardSignIn) -> None:
        if result.refusal is not None or result.visit_id is None:
            self._failed(result.refusal or DeskError(self.tr("Nobody was signed in.")))
            return
        self.view.banner.hide()
        name = shown_name(
            result.first_name or "",
            result.last_name,
            result.preferred_name,
            private=self.view.privacy.isChecked(),
        )
        options = self.view.purposes.options
        labels = ", ".join(options[c].label if c in options else c for c in result.purposes)
        if result.meeting:
            labels += fill(self.tr(": %1"), result.meeting)
        self.view.hint.setText(
            fill(
                self.tr("Card: signed in %1 at %2 (%3)."),
                name,
                self.context.center_time.time_text(datetime.now(UTC)),
                labels,
            )
        )
        self._signed_in(result.visit_id)
