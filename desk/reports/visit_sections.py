"""The visit figures as sections: visits and people, why they came, busy times, languages."""

from __future__ import annotations

from desk.directory.languages import language_name
from desk.messages import QT_TRANSLATE_NOOP
from desk.reports.model import Chart, Figure, Labels, PeriodData, Section, Table
from desk.reports.visit_figures import NOT_SAID, VisitFigures

WEEKDAYS = (
    QT_TRANSLATE_NOOP("Report", "Monday"),
    QT_TRANSLATE_NOOP("Report", "Tuesday"),
    QT_TRANSLATE_NOOP("Report", "Wednesday"),
    QT_TRANSLATE_NOOP("Report", "Thursday"),
    QT_TRANSLATE_NOOP("Report", "Friday"),
    QT_TRANSLATE_NOOP("Report", "Saturday"),
    QT_TRANSLATE_NOOP("Report", "Sunday"),
)


def language_label(code: str) -> str:
    return "Not said" if code == NOT_SAID else language_name(code)


def _rows_with_previous(now: dict[str, int], before: dict[str, int], order: list[str]):
    return [(code, now.get(code, 0), before.get(code, 0)) for code in order]


def _visits_section(now: VisitFigures, before: VisitFigures, cur: PeriodData, prev: PeriodData):
    figures = (
        Figure(
            "visits",
            QT_TRANSLATE_NOOP("Report", "Visits"),
            now.visits,
            before.visits,
            note=QT_TRANSLATE_NOOP("Report", "sign-ins not undone"),
        ),
        Figure(
            "people",
            QT_TRANSLATE_NOOP("Report", "Unique people"),
            now.unique_people,
            before.unique_people,
            note=QT_TRANSLATE_NOOP("Report", "people with a record who came at least once"),
        ),
        Figure(
            "people:new",
            QT_TRANSLATE_NOOP("Report", "New people"),
            now.new_people,
            before.new_people,
            note=QT_TRANSLATE_NOOP("Report", "their first visit ever was in the period"),
        ),
        Figure(
            "people:returning",
            QT_TRANSLATE_NOOP("Report", "Returning people"),
            now.returning_people,
            before.returning_people,
            note=QT_TRANSLATE_NOOP("Report", "they had come before the period"),
        ),
        Figure(
            "visits:anonymous",
            QT_TRANSLATE_NOOP("Report", "Anonymous visits"),
            now.anonymous_visits,
            before.anonymous_visits,
            note=QT_TRANSLATE_NOOP(
                "Report", "no record named (anonymous, or a record removed at the person's request)"
            ),
        ),
    )
    days = list(now.by_day.items())
    earlier = list(before.by_day.items())
    rows = []
    for index, (day, count) in enumerate(days):
        then = earlier[index] if index < len(earlier) else (None, None)
        rows.append((day, count, then[0], then[1]))
    table = Table(
        "visits_per_day",
        QT_TRANSLATE_NOOP("Report", "Visits per day"),
        (
            QT_TRANSLATE_NOOP("Report", "Date"),
            QT_TRANSLATE_NOOP("Report", "Weekday"),
            QT_TRANSLATE_NOOP("Report", "Visits"),
            QT_TRANSLATE_NOOP("Report", "Previous period's day"),
            QT_TRANSLATE_NOOP("Report", "Visits then"),
        ),
        tuple((d, WEEKDAYS[d.weekday()], c, pd, pc) for d, c, pd, pc in rows),
        tuple(f"day:{d.isoformat()}" for d, _, _, _ in rows),
    )
    chart = Chart(
        "visits_per_day",
        QT_TRANSLATE_NOOP("Report", "Visits per day"),
        "lines",
        tuple(f"{d:%b} {d.day}" for d, _ in days),
        (
            (cur.period.label(), tuple(float(c) for _, c in days)),
            (prev.period.label(), tuple(float(c or 0) for _, _, _, c in rows)),
        ),
        days=tuple(d for d, _ in days),
        periods=(cur.period, prev.period),
    )
    return Section(
        "visits", QT_TRANSLATE_NOOP("Report", "Visits and people"), figures, (table,), (chart,)
    )


def _purpose_section(now: VisitFigures, before: VisitFigures, labels: Labels) -> Section:
    order = [c for c in labels.purposes if c in now.purposes or c in before.purposes]
    order += sorted((set(now.purposes) | set(before.purposes)) - set(order))
    figures = [
        Figure(f"purpose:{code}", labels.purposes.get(code, code), n, b)
        for code, n, b in _rows_with_previous(now.purposes, before.purposes, order)
    ]
    counting = [c for c in labels.purposes if c in labels.counting]
    figures += [
        Figure(
            f"supplies:{code}",
            f"{labels.purposes.get(code, code)}: items given",
            n,
            b,
            note=QT_TRANSLATE_NOOP("Report", "kits or items counted at sign-in"),
        )
        for code, n, b in _rows_with_previous(now.supplies, before.supplies, counting)
    ]
    purposes = Table(
        "visits_by_purpose",
        QT_TRANSLATE_NOOP("Report", "Visits by purpose"),
        (
            QT_TRANSLATE_NOOP("Report", "Purpose"),
            QT_TRANSLATE_NOOP("Report", "Visits"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
            QT_TRANSLATE_NOOP("Report", "Change"),
        ),
        tuple(
            (labels.purposes.get(c, c), n, b, n - b)
            for c, n, b in _rows_with_previous(now.purposes, before.purposes, order)
        ),
        tuple(f"purpose:{c}" for c in order),
    )
    supplies = Table(
        "supplies_given",
        QT_TRANSLATE_NOOP("Report", "Naloxone and harm-reduction supplies given"),
        (
            QT_TRANSLATE_NOOP("Report", "Purpose"),
            QT_TRANSLATE_NOOP("Report", "Items given"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
            QT_TRANSLATE_NOOP("Report", "Change"),
        ),
        tuple(
            (labels.purposes.get(c, c), n, b, n - b)
            for c, n, b in _rows_with_previous(now.supplies, before.supplies, counting)
        ),
        tuple(f"supplies:{c}" for c in counting),
    )
    return Section(
        "purposes",
        QT_TRANSLATE_NOOP("Report", "Why they came"),
        tuple(figures),
        (purposes, supplies),
    )


def busy_hours(figures: VisitFigures) -> list[int]:
    hours = sorted({hour for _, hour in figures.by_weekday_hour})
    return list(range(hours[0], hours[-1] + 1)) if hours else list(range(9, 17))


def _busy_section(now: VisitFigures, before: VisitFigures) -> Section:
    figures = (
        Figure(
            "waits",
            QT_TRANSLATE_NOOP("Report", "Visits that waited for a coach"),
            now.wait.waited,
            before.wait.waited,
            note=QT_TRANSLATE_NOOP("Report", "visits started with a coach"),
        ),
        Figure(
            "waits:average",
            QT_TRANSLATE_NOOP("Report", "Average wait (minutes)"),
            now.wait.average_minutes,
            before.wait.average_minutes,
            "minutes",
            note=QT_TRANSLATE_NOOP("Report", "from arrival until a coach started with them"),
        ),
        Figure(
            "waits:p90",
            QT_TRANSLATE_NOOP("Report", "90th-percentile wait (minutes)"),
            now.wait.p90_minutes,
            before.wait.p90_minutes,
            "minutes",
            note=QT_TRANSLATE_NOOP("Report", "9 in 10 waited this long or less"),
        ),
    )
    weekdays = Table(
        "visits_by_weekday",
        QT_TRANSLATE_NOOP("Report", "Visits by day of the week"),
        (
            QT_TRANSLATE_NOOP("Report", "Day"),
            QT_TRANSLATE_NOOP("Report", "Visits"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
        ),
        tuple((WEEKDAYS[n], now.by_weekday[n], before.by_weekday[n]) for n in range(7)),
        tuple(f"weekday:{n}" for n in range(7)),
    )
    hours = busy_hours(now)
    grid = Table(
        "busy_hours",
        QT_TRANSLATE_NOOP("Report", "Visits by hour of arrival and day of the week (this period)"),
        (QT_TRANSLATE_NOOP("Report", "Hour"), *WEEKDAYS),
        tuple(
            (f"{hour:02d}:00", *(now.by_weekday_hour.get((day, hour), 0) for day in range(7)))
            for hour in hours
        ),
    )
    heat = Chart(
        "busy_hours",
        QT_TRANSLATE_NOOP("Report", "Busy times: visits by hour and day"),
        "heatmap",
        tuple(f"{hour:02d}" for hour in hours),
        tuple(
            (WEEKDAYS[day][:3], tuple(float(now.by_weekday_hour.get((day, h), 0)) for h in hours))
            for day in range(7)
        ),
        weekdays=tuple(range(7)),
    )
    return Section(
        "busy",
        QT_TRANSLATE_NOOP("Report", "Busy times and waits"),
        figures,
        (weekdays, grid),
        (heat,),
    )


def _language_section(now: VisitFigures, before: VisitFigures, team_now, team_before) -> Section:
    order = sorted(set(now.languages) | set(before.languages), key=lambda c: (c == NOT_SAID, c))
    people = Table(
        "languages",
        QT_TRANSLATE_NOOP("Report", "Languages people asked for (people who came)"),
        (
            QT_TRANSLATE_NOOP("Report", "Language"),
            QT_TRANSLATE_NOOP("Report", "People"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
        ),
        tuple(
            (language_label(c), now.languages.get(c, 0), before.languages.get(c, 0)) for c in order
        ),
        tuple(f"language:{c}" for c in order),
    )
    sheets_now = team_now.referral_languages if team_now else {}
    sheets_before = team_before.referral_languages if team_before else {}
    sheet_order = sorted(set(sheets_now) | set(sheets_before))
    sheets = Table(
        "referral_languages",
        QT_TRANSLATE_NOOP("Report", "Referral sheets by language"),
        (
            QT_TRANSLATE_NOOP("Report", "Language"),
            QT_TRANSLATE_NOOP("Report", "Sheets"),
            QT_TRANSLATE_NOOP("Report", "Previous period"),
        ),
        tuple(
            (language_label(c), sheets_now.get(c, 0), sheets_before.get(c, 0)) for c in sheet_order
        ),
        tuple(f"referral_language:{c}" for c in sheet_order),
    )
    other = sum(n for c, n in now.languages.items() if c not in (NOT_SAID, "en"))
    other_before = sum(n for c, n in before.languages.items() if c not in (NOT_SAID, "en"))
    figure = Figure(
        "languages:other",
        QT_TRANSLATE_NOOP("Report", "People who asked for a language other than English"),
        other,
        other_before,
    )
    return Section(
        "languages", QT_TRANSLATE_NOOP("Report", "Languages"), (figure,), (people, sheets)
    )


def visit_sections(
    now: VisitFigures, before: VisitFigures, cur: PeriodData, prev: PeriodData, labels: Labels
) -> list[Section]:
    return [
        _visits_section(now, before, cur, prev),
        _purpose_section(now, before, labels),
        _busy_section(now, before),
        _language_section(now, before, cur.parts.get("team"), prev.parts.get("team")),
    ]
