"""A report as plain data: sections of figures (each with the previous period and the
change) and tables, which the page, the spreadsheets and the PDF all show alike.

A part of a report (visits, the team's work, and later others such as group attendance)
computes its figures for one period (`ReportPart.compute`) and turns the two periods'
figures into sections (`ReportPart.sections`). Adding a part to `desk.reports.build.PARTS`
adds it to the page, the exports and the PDF at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desk.messages import QT_TRANSLATE_NOOP
from desk.reports.periods import Period

Value = int | float | str | date | None


@dataclass(frozen=True)
class Figure:
    """One number, with the previous period's, and the list behind it (`key`)."""

    key: str
    label: str
    value: int | float | None
    previous: int | float | None
    unit: str = "count"  # count, percent (a fraction 0-1), minutes, points
    note: str = ""  # what it counts, in a few words (a tooltip)

    @property
    def change(self) -> int | float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_share(self) -> float | None:
        """The change as a share of the previous figure (counts only)."""
        if self.unit != "count" or self.change is None or not self.previous:
            return None
        return self.change / self.previous


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    row_keys: tuple[str | None, ...] = ()  # the list behind each row, if any


@dataclass(frozen=True)
class Chart:
    """What a chart draws; the screen (QtCharts) and the PDF (reportlab) draw the same."""

    key: str
    title: str
    kind: str  # lines, heatmap, bars, stacked_bars
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (name, one value per category)
    marks: tuple[float | None, ...] = ()  # a limit mark per category (caseloads)
    # What the English words stand for, so that the screens can say them in their language:
    # the day of each category, the weekday (0 is Monday) of each series, the period of each.
    days: tuple[date, ...] = ()
    weekdays: tuple[int, ...] = ()
    periods: tuple[Period, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True)
class PeriodData:
    period: Period
    parts: dict[str, Any]


@dataclass(frozen=True)
class Labels:
    """Names the sections need: purposes, and whether a purpose counts items."""

    purposes: dict[str, str] = field(default_factory=dict)
    counting: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ReportPart:
    key: str
    compute: Callable[..., Any]  # (session, period, zone, now, labels) -> figures
    sections: Callable[[Any, Any, PeriodData, PeriodData, Labels], list[Section]]


@dataclass(frozen=True)
class Report:
    center_name: str
    time_zone: str
    made_at: datetime
    current: PeriodData
    previous: PeriodData
    sections: tuple[Section, ...]
    full: bool = True  # False: today's counts only (the front desk's view)

    @property
    def period(self) -> Period:
        return self.current.period

    def figure(self, key: str) -> Figure:
        for section in self.sections:
            for figure in section.figures:
                if figure.key == key:
                    return figure
        raise KeyError(key)

    def tables(self) -> list[Table]:
        """Every table, the summary of figures first: what the spreadsheets hold."""
        summary = Table(
            "summary",
            QT_TRANSLATE_NOOP("Report", "Summary"),
            (
                QT_TRANSLATE_NOOP("Report", "Section"),
                QT_TRANSLATE_NOOP("Report", "Figure"),
                QT_TRANSLATE_NOOP("Report", "This period"),
                QT_TRANSLATE_NOOP("Report", "Previous period"),
                QT_TRANSLATE_NOOP("Report", "Change"),
                QT_TRANSLATE_NOOP("Report", "Change (%)"),
            ),
            tuple(
                (
                    section.title,
                    figure.label + (" (%)" if figure.unit == "percent" else ""),
                    _plain(figure.value, figure.unit),
                    _plain(figure.previous, figure.unit),
                    _plain(figure.change, figure.unit),
                    None if figure.change_share is None else round(figure.change_share * 100, 1),
                )
                for section in self.sections
                for figure in section.figures
            ),
        )
        return [summary] + [table for section in self.sections for table in section.tables]


def _plain(value: int | float | None, unit: str) -> int | float | None:
    if value is None:
        return None
    if unit == "percent":
        return round(value * 100, 1)
    if isinstance(value, float):
        return round(value, 1)
    return value
