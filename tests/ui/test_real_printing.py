"""Real printing: a sheet goes through Qt's print path to a CUPS queue, and is read back.

`.ci/print-queue` (run by .ci/run) sets up the queue RecoveryDeskPDF, which writes each job
as a PDF file, and makes it the default printer. Without it these tests are skipped and say
why; under CI=true they fail instead.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.demo.seed_directory import seed_directory
from desk.models import Referral, Service
from desk.services.settings import center_today
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import add_service, signed_consent
from ui.context import AppContext
from ui.pages.referrals import ReferralsPage

QUEUE = "RecoveryDeskPDF"


def queue_output_file() -> Path:
    """The file the queue writes; skips (fails under CI) when the queue is not there."""
    reason = None
    if shutil.which("lpstat") is None or shutil.which("pdftotext") is None:
        reason = "CUPS (lpstat) or poppler (pdftotext) is not installed"
    else:
        shown = subprocess.run(["lpstat", "-v", QUEUE], capture_output=True, text=True)
        device = shown.stdout.partition(":")[2].strip()
        if shown.returncode != 0 or not device:
            reason = f"no CUPS queue {QUEUE}: run `sudo bash .ci/print-queue` to add it"
        else:
            path = Path("/" + device.removeprefix("file:").lstrip("/"))
            if not os.access(path.parent, os.W_OK | os.R_OK):
                reason = f"the queue writes to {path}, which this user cannot read"
            else:
                return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must print for real, but {reason}", pytrace=False)
    pytest.skip(reason)


def wait_for_print(path: Path, since: float, timeout: float = 60) -> str:
    """The printed file's text, once CUPS has finished the job that started after `since`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True)
        if path.exists() and path.stat().st_mtime >= since and not pending.stdout.strip():
            result = subprocess.run(
                ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
            )
            if result.stdout.strip():
                return result.stdout
        time.sleep(0.3)
    raise AssertionError(f"nothing was printed to {path} within {timeout} s")


@pytest.fixture
def printed_file() -> Path:
    return queue_output_file()


@pytest.fixture
def page(app_context: AppContext, qtbot) -> ReferralsPage:
    page = ReferralsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def _fill(app_context: AppContext) -> list[str]:
    with app_context.database.transaction() as session:
        seed_directory(
            session,
            services=10,
            today=center_today(session),
            now=datetime.now(UTC),
            rng=random.Random(2),
        )
        accented = add_service(session, "Centro de Recuperación Pérez", url="https://example.org")
    with app_context.database.session() as session:
        names = dict(session.execute(select(Service.id, Service.name)).all())
    chosen = [accented, *[i for i in names if i != accented][:2]]
    for service_id in chosen:
        app_context.basket.add(service_id, names[service_id])
    return [names[i] for i in chosen]


def _referrals(app_context: AppContext) -> int:
    with app_context.database.session() as session:
        return session.scalar(select(func.count()).select_from(Referral))


def test_a_sheet_prints_through_qt_to_cups_and_reads_back(
    page: ReferralsPage, app_context: AppContext, printed_file: Path
) -> None:
    person = add_person(
        app_context.database,
        app_context.actor,
        "Łukasz",
        "Nguyễn Pérez",
        preferred_name="Łukasz Nguyễn Pérez",
    )
    names = _fill(app_context)
    with app_context.database.transaction() as session:
        today = center_today(session)
        for item in app_context.basket.items:  # signed consents: the sheet may name him
            signed_consent(
                session, app_context.actor, person.id, item.service_id, today, now=datetime.now(UTC)
            )
    page.builder.set_person(person.id, "Łukasz Nguyễn Pérez")
    page.builder.view.shows_name.setChecked(True)
    started = time.time() - 1
    page.builder.give_and_send("default")  # the system's default printer: the CUPS queue
    assert not page.builder.view.banner.isVisibleTo(page), page.builder.view.banner.text
    text = " ".join(wait_for_print(printed_file, started).split())
    assert all(" ".join(name.split()) in text for name in names), text[:2000]
    assert "Prepared for: Łukasz Nguyễn Pérez" in text
    assert "42 CFR §2.32" in text
    assert f"Printed on {QUEUE}" in page.builder.view.status.text()


def test_a_stopped_printer_gets_a_message_and_the_referral_is_logged_once(
    page: ReferralsPage, app_context: AppContext, printed_file: Path
) -> None:
    names = _fill(app_context)
    disabled = subprocess.run(
        ["cupsdisable", "-r", "Paper jam", QUEUE], capture_output=True, text=True
    )
    if disabled.returncode != 0:
        reason = f"cannot stop the queue here: {disabled.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must try a stopped printer, but {reason}", pytrace=False)
        pytest.skip(reason)
    try:
        page.builder.give_and_send("default")
        banner = page.builder.view.banner.text
        assert "is stopped" in banner and "jammed" in banner and "logged (#" in banner
        assert _referrals(app_context) == 1
    finally:
        subprocess.run(["cupsenable", QUEUE], check=True)
    started = time.time() - 1
    page.builder.print_again()  # the same referral, now that the printer is back
    text = " ".join(wait_for_print(printed_file, started).split())
    assert all(" ".join(name.split()) in text for name in names)
    assert _referrals(app_context) == 1
    with app_context.database.session() as session:
        assert session.scalars(select(Referral)).one().print_count == 1
