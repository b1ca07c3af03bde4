"""Center settings, declared once with their defaults; changes are versioned and audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import FormProblems, StaleEdit, ValidationError
from desk.messages.center import (
    CENTER_NEEDS_NAME,
    IS_NOT_TIME_ZONE_NAME,
    MUST_BE_BETWEEN_AND,
    MUST_BE_WHOLE_NUMBER,
    THERE_IS_NO_SETTING_CALLED,
    USE_NAME_SUCH_AS_AMERICA,
    WAS_CHANGED_ON_ANOTHER_STATION_2,
    YOUR_ENTRIES_ARE_STILL_ON,
)
from desk.models import Setting
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.recording import record_change
from desk.validation import clean_email, clean_text, format_phone_for_display


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    label: str
    kind: type = str
    minimum: int | None = None
    maximum: int | None = None


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("center.name", "Community Program for Addiction Recovery Inc.", "Center name"),
    SettingSpec("center.street", "9-11 Lincoln Square", "Street address"),
    SettingSpec("center.city_line", "Worcester, MA", "Town, state and ZIP"),
    SettingSpec("center.phone", "(774) 214-6440", "Phone"),
    SettingSpec("center.email", "", "Email"),
    SettingSpec("center.timezone", "America/New_York", "Time zone"),
    SettingSpec(
        "directory.stale_after_days", 90, "Flag resources not verified for (days)", int, 1, 3650
    ),
    SettingSpec("referrals.follow_up_days", 7, "Follow up on referrals after (days)", int, 0, 365),
    SettingSpec(
        "security.idle_lock_minutes", 5, "Lock a station left idle after (minutes)", int, 1, 120
    ),
    SettingSpec(
        "security.lockout_attempts", 5, "Lock an account after wrong passwords", int, 3, 50
    ),
    SettingSpec("security.lockout_minutes", 5, "Keep it locked for (minutes)", int, 1, 1440),
    SettingSpec("security.min_password_length", 10, "Shortest password allowed", int, 8, 64),
    SettingSpec("backup.keep_daily", 14, "Daily backups to keep", int, 1, 366),
    SettingSpec("backup.keep_monthly", 12, "Monthly backups to keep", int, 0, 120),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class CenterSettings:
    """Every setting's value, and the version each was read at (0: never saved)."""

    values: dict[str, Any]
    versions: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def name(self) -> str:
        return self.values["center.name"]

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self["center.street"], self["center.city_line"]) if line]

    @property
    def phone(self) -> str:
        return self.values["center.phone"]

    @property
    def email(self) -> str:
        return self.values["center.email"]

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.values["center.timezone"])


@unrestricted("the center's own details and defaults")
def load_settings(session: Session) -> CenterSettings:
    stored = {row.key: row for row in session.scalars(select(Setting))}
    values = {spec.key: spec.default for spec in SPECS}
    versions = {spec.key: 0 for spec in SPECS}
    for key, row in stored.items():
        if key in SPEC_BY_KEY:
            values[key] = row.value
            versions[key] = row.version
    return CenterSettings(values, versions)


_TIMEZONE = select(Setting.value).where(Setting.key == "center.timezone")


@unrestricted("the center's time zone")
def center_zone(session: Session) -> ZoneInfo:
    """The center's time zone: its one setting read alone (the queue asks at every refresh)."""
    stored = session.scalar(_TIMEZONE)
    return ZoneInfo(stored if stored else SPEC_BY_KEY["center.timezone"].default)


@unrestricted("the center's clock")
def center_now(session: Session, now: datetime | None = None) -> datetime:
    """`now` (or the present) on the center's clock: for on duty now, today, due dates."""
    return (now or utc_now()).astimezone(center_zone(session))


@unrestricted("the center's calendar")
def center_day(session: Session, moment: datetime) -> date:
    """The center's date at `moment` (a visit at 20:30 in Worcester is that day, not UTC's)."""
    return center_now(session, moment).date()


@unrestricted("the center's calendar")
def center_today(session: Session) -> date:
    return center_now(session).date()


def _clean_value(spec: SettingSpec, raw: Any) -> Any:
    if spec.kind is int:
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise ValidationError(
                MUST_BE_WHOLE_NUMBER.with_(label=spec.label), field=spec.key
            ) from None
        if (spec.minimum is not None and number < spec.minimum) or (
            spec.maximum is not None and number > spec.maximum
        ):
            raise ValidationError(
                MUST_BE_BETWEEN_AND.with_(
                    label=spec.label, minimum=spec.minimum, maximum=spec.maximum
                ),
                field=spec.key,
            )
        return number
    text = clean_text(raw, label=spec.label, field=spec.key, max_length=200) or ""
    if spec.key == "center.email" and text:
        return clean_email(text, field=spec.key)
    if spec.key == "center.phone" and text:
        return format_phone_for_display(text, field=spec.key)
    if spec.key == "center.timezone" and text not in available_timezones():
        raise ValidationError(
            IS_NOT_TIME_ZONE_NAME.with_(text=text),
            field=spec.key,
            hint=USE_NAME_SUCH_AS_AMERICA,
        )
    if spec.key == "center.name" and not text:
        raise ValidationError(CENTER_NEEDS_NAME, field=spec.key)
    return text


@requires(Permission.CENTER_SETTINGS)
def update_settings(
    session: Session,
    actor: Actor,
    changes: dict[str, Any],
    *,
    read_versions: dict[str, int],
) -> CenterSettings:
    """Save changed settings. A key saved elsewhere since `read_versions` is refused whole."""
    current = {row.key: row for row in session.scalars(select(Setting).with_for_update())}
    cleaned: dict[str, Any] = {}
    problems = FormProblems()  # every setting at fault named at once
    for key, raw in changes.items():
        spec = SPEC_BY_KEY.get(key)
        if spec is None:
            raise ValidationError(THERE_IS_NO_SETTING_CALLED.with_(key=key), field=key)
        cleaned[key] = problems.check(lambda spec=spec, raw=raw: _clean_value(spec, raw))
    problems.raise_any()
    for key in cleaned:
        row = current.get(key)
        stored_version = row.version if row is not None else 0
        if stored_version != read_versions.get(key, 0):
            raise StaleEdit(
                WAS_CHANGED_ON_ANOTHER_STATION_2.with_(label=SPEC_BY_KEY[key].label),
                hint=YOUR_ENTRIES_ARE_STILL_ON,
            )
    for key, value in cleaned.items():
        row = current.get(key)
        before = row.value if row is not None else SPEC_BY_KEY[key].default
        if before == value:
            continue
        if row is None:
            session.add(Setting(key=key, value=value, updated_by_id=actor.staff_id))
        else:
            row.value = value
            row.updated_by_id = actor.staff_id
        record_change(
            session,
            actor,
            Topic.SETTINGS,
            AuditAction.SETTINGS_CHANGED,
            "setting",
            key,
            before=before,
            after=value,
        )
    session.flush()
    return load_settings(session)
