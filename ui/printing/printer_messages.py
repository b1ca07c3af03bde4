"""What a print or a save that failed says, in the staff member's language (ui/error_words.py
words them; the log keeps the English)."""

from __future__ import annotations

from desk.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "Printing"


def _message(code: str, template: str) -> Message:
    return Message(f"printing.{code}", template, context=CONTEXT)


NOT_SET_UP = _message(
    "not_set_up",
    QT_TRANSLATE_NOOP("Printing", "The printer “{name}” is not set up on this computer."),
)
NONE_CHOSEN = _message(
    "none_chosen",
    QT_TRANSLATE_NOOP(
        "Printing", "No printer is chosen, or the chosen one is not set up on this computer."
    ),
)
NOT_SET_UP_ANY_MORE = _message(
    "gone",
    QT_TRANSLATE_NOOP("Printing", "The printer “{name}” is not set up on this computer any more."),
)
STOPPED = _message(
    "stopped",
    QT_TRANSLATE_NOOP(
        "Printing",
        "The printer “{name}” is stopped: it may be off, jammed, out of paper or paused.",
    ),
)
NO_PAPER_SIZE = _message(
    "no_paper_size",
    QT_TRANSLATE_NOOP("Printing", "The printer “{name}” has no {paper} paper."),
)
COULD_NOT_OPEN = _message(
    "could_not_open", QT_TRANSLATE_NOOP("Printing", "The printer “{name}” could not be opened.")
)
PAGE_NOT_PREPARED = _message(
    "page_not_prepared",
    QT_TRANSLATE_NOOP(
        "Printing", "Page {page} could not be prepared for printing (out of memory?)."
    ),
)
ERROR_WHILE_PRINTING = _message(
    "error_while_printing",
    QT_TRANSLATE_NOOP("Printing", "The printer “{name}” reported an error while printing."),
)
COULD_NOT_SAVE = _message(
    "could_not_save", QT_TRANSLATE_NOOP("Printing", "Could not save {path}: {why}.")
)

CHOOSE_ANOTHER_OR_SAVE = _message(
    "choose_another_or_save",
    QT_TRANSLATE_NOOP("Printing", "Choose another printer, or save the sheet as PDF."),
)
CHOOSE_IN_PRINT_DIALOG = _message(
    "choose_in_print_dialog",
    QT_TRANSLATE_NOOP("Printing", "Choose a printer in Print…, or save the sheet as PDF."),
)
NOTHING_SENT_CHECK_IT = _message(
    "nothing_sent",
    QT_TRANSLATE_NOOP(
        "Printing",
        "Nothing was sent to it. Check the printer (and its queue in the system's printer "
        "settings), then press Print again; or choose another printer, or save the sheet as PDF.",
    ),
)
CHOOSE_LETTER_PRINTER = _message(
    "letter_printer",
    QT_TRANSLATE_NOOP(
        "Printing", "Choose a printer that takes US Letter, or save the sheet as PDF."
    ),
)
CHECK_ON_AND_CONNECTED = _message(
    "check_connected",
    QT_TRANSLATE_NOOP(
        "Printing",
        "Check that it is on and connected, then press Print again; or save the sheet as PDF.",
    ),
)
CLOSE_PROGRAMS = _message(
    "close_programs",
    QT_TRANSLATE_NOOP(
        "Printing", "Close other programs and print again, or save the sheet as PDF."
    ),
)
CHECK_QUEUE = _message(
    "check_queue",
    QT_TRANSLATE_NOOP(
        "Printing",
        "Check the printer and its queue, then press Print again; or save the sheet as PDF.",
    ),
)
CHOOSE_ANOTHER_FOLDER = _message(
    "another_folder", QT_TRANSLATE_NOOP("Printing", "Choose another folder.")
)
