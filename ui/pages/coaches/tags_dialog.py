"""The center's specialty list (admins): add a specialty, rename one, or retire it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.specialty_tags import (
    SpecialtyOption,
    list_specialty_tags,
    save_specialty_tag,
)
from ui.context import AppContext
from ui.error_words import in_words
from ui.widgets.banner import Banner
from ui.words import fill


class SpecialtyTagsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("specialtyTagsDialog")
        self.setWindowTitle(self.tr("Specialty tags"))
        self.context = context
        self.changed = False
        self.banner = Banner()
        self.list = QListWidget()
        self.list.setObjectName("tagList")
        self.list.setAccessibleName(self.tr("Specialty tags"))
        self.label = QLineEdit()
        self.label.setObjectName("tagLabel")
        self.label_es = QLineEdit()
        self.label_es.setObjectName("tagLabelEs")
        self.active = QCheckBox(self.tr("In use (offered for coaches and peers)"))
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.label)
        form.addRow(self.tr("Spanish name"), self.label_es)
        form.addRow("", self.active)
        self.add_button = QPushButton(self.tr("Add as new"))
        self.save_button = QPushButton(self.tr("Save changes"))
        buttons_row = QHBoxLayout()
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons_row)
        layout.addWidget(close)
        self.resize(480, 460)
        self.list.currentItemChanged.connect(self._chosen)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self, select_code: str | None = None) -> None:
        self.context.tasks.submit(
            lambda session: list_specialty_tags(session, include_inactive=True),
            lambda tags: self._show(tags, select_code),
            self._failed,
            owner=self,
        )

    def _show(self, tags: list[SpecialtyOption], select_code: str | None) -> None:
        self.list.clear()
        for tag in tags:
            text = tag.label if tag.active else fill(self.tr("%1 (retired)"), tag.label)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, tag)
            self.list.addItem(item)
            if tag.code == select_code:
                self.list.setCurrentItem(item)

    def chosen(self) -> SpecialtyOption | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _chosen(self, *_args) -> None:
        tag = self.chosen()
        self.save_button.setEnabled(tag is not None)
        if tag is not None:
            self.label.setText(tag.label)
            self.label_es.setText(tag.label_es or "")
            self.active.setChecked(tag.active)

    def add(self) -> None:
        actor, label, label_es = self.context.actor, self.label.text(), self.label_es.text()
        self.context.tasks.submit(
            lambda session: save_specialty_tag(session, actor, label=label, label_es=label_es),
            self._saved,
            self._failed,
            owner=self,
        )

    def save(self) -> None:
        tag = self.chosen()
        if tag is None:
            return
        actor, label, label_es = self.context.actor, self.label.text(), self.label_es.text()
        active = self.active.isChecked()
        self.context.tasks.submit(
            lambda session: save_specialty_tag(
                session,
                actor,
                code=tag.code,
                read_version=tag.version,
                label=label,
                label_es=label_es,
                active=active,
            ),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, tag: SpecialtyOption) -> None:
        self.changed = True
        self.banner.show_message(fill(self.tr("Saved “%1”."), tag.label), "ok")
        self.reload(tag.code)

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
