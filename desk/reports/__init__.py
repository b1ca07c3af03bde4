"""Reports for funders and for the team: the figures of a period beside the period before,
the lists behind them, and their exports (CSV, XLSX, the monthly PDF, de-identified visits).

The arithmetic lives here; the entry points that check permissions and write the audit trail
are in `desk.services.reports` and `desk.services.report_exports`.
"""
