"""Layout of the Center settings page."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.services.settings import SPEC_BY_KEY
from ui.widgets.banner import Banner

# The settings' labels (desk.services.settings), marked so that lupdate finds them; the
# view translates each with self.tr, in this context.
_LABELS = (
    QT_TRANSLATE_NOOP("CenterSettingsView", "Center name"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Street address"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Town, state and ZIP"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Phone"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Email"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Time zone"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Flag resources not verified for (days)"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Follow up on referrals after (days)"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Lock a station left idle after (minutes)"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Lock an account after wrong passwords"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Keep it locked for (minutes)"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Shortest password allowed"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Daily backups to keep"),
    QT_TRANSLATE_NOOP("CenterSettingsView", "Monthly backups to keep"),
)


class CenterSettingsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = Banner()
        heading = QLabel(self.tr("Center settings"))
        heading.setObjectName("pageHeading")
        intro = QLabel(
            self.tr(
                "These details head every referral sheet and handout. Changes are saved for every "
                "station and recorded in the activity log."
            )
        )
        intro.setWordWrap(True)

        self.fields: dict[str, QWidget] = {}
        center = QGroupBox(self.tr("The center"))
        center_form = QFormLayout(center)
        for key in (
            "center.name",
            "center.street",
            "center.city_line",
            "center.phone",
            "center.email",
        ):
            edit = QLineEdit()
            edit.setObjectName(key)
            self.fields[key] = edit
            center_form.addRow(self.tr(SPEC_BY_KEY[key].label), edit)
        zone = QComboBox()
        zone.setObjectName("center.timezone")
        zone.setEditable(True)
        zone.addItems(sorted(available_timezones()))
        self.fields["center.timezone"] = zone
        center_form.addRow(self.tr(SPEC_BY_KEY["center.timezone"].label), zone)

        defaults = QGroupBox(self.tr("Defaults"))
        defaults_form = QFormLayout(defaults)
        for key in ("directory.stale_after_days", "referrals.follow_up_days"):
            spec = SPEC_BY_KEY[key]
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(spec.minimum or 0, spec.maximum or 10000)
            spin.setSuffix(self.tr(" days"))
            self.fields[key] = spin
            defaults_form.addRow(self.tr(spec.label), spin)

        security = QGroupBox(self.tr("Staff sign-in and locking"))
        security_form = QFormLayout(security)
        for key, suffix in (
            ("security.idle_lock_minutes", self.tr(" minutes")),
            ("security.lockout_attempts", self.tr(" in a row")),
            ("security.lockout_minutes", self.tr(" minutes")),
            ("security.min_password_length", self.tr(" characters")),
        ):
            spec = SPEC_BY_KEY[key]
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(spec.minimum or 0, spec.maximum or 10000)
            spin.setSuffix(suffix)
            spin.setAccessibleName(self.tr(spec.label))
            self.fields[key] = spin
            security_form.addRow(self.tr(spec.label), spin)
        keep = QGroupBox(self.tr("Backups to keep"))
        keep_form = QFormLayout(keep)
        for key in ("backup.keep_daily", "backup.keep_monthly"):
            spec = SPEC_BY_KEY[key]
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(spec.minimum or 0, spec.maximum or 1000)
            self.fields[key] = spin
            keep_form.addRow(self.tr(spec.label), spin)
        keep_note = QLabel(
            self.tr(
                "The newest backup of each of the last days that have one, and of each of the "
                "last months; every backup of the current day is kept."
            )
        )
        keep_note.setObjectName("hintLine")
        keep_note.setWordWrap(True)
        keep_form.addRow(keep_note)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(center)
        layout.addWidget(defaults)
        layout.addWidget(security)
        layout.addWidget(keep)
        layout.addLayout(buttons)
