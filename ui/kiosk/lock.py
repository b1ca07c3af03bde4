"""The locked kiosk: an admin's username and password unlock it or end kiosk mode."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class KioskLock(QWidget):
    unlock = Signal(str, str)
    leave = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskLock")
        heading = QLabel(self.tr("This kiosk is locked"))
        heading.setObjectName("pageHeading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self.tr("Please ask someone at the front desk. An admin can unlock it here."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        self.login = QLineEdit()
        self.login.setObjectName("kioskAdminLogin")
        self.password = QLineEdit()
        self.password.setObjectName("kioskAdminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("statusLine")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        unlock = QPushButton(self.tr("Unlock"))
        unlock.setObjectName("kioskUnlock")
        unlock.setDefault(True)
        leave = QPushButton(self.tr("End kiosk mode"))
        leave.setObjectName("kioskLeave")
        unlock.clicked.connect(lambda: self.unlock.emit(self.login.text(), self.password.text()))
        self.password.returnPressed.connect(unlock.click)
        leave.clicked.connect(lambda: self.leave.emit(self.login.text(), self.password.text()))
        form = QFormLayout()
        form.addRow(self.tr("Admin username"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(unlock)
        buttons.addWidget(leave)
        box = QWidget()
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(heading)
        inner.addWidget(note)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def reset(self) -> None:
        self.login.clear()
        self.password.clear()
        self.message.setText("")
        self.login.setFocus()

    def refused(self, words: str) -> None:
        self.password.clear()
        self.message.setText(words)
