"""Words for the demo's coaching: goals peers set, short contact notes, how coaching ends.

Nothing clinical: coaching notes say what was done and what comes next.
"""

from __future__ import annotations

GOALS = {
    "housing": (
        "Find a sober house in Worcester",
        "Get on the housing authority list",
        "Save for a security deposit",
    ),
    "work": ("Update my résumé", "Apply at the warehouse job fair", "Get my CDL back"),
    "education": ("Finish my HiSET", "Sign up for a class at QCC", "Get my learner's permit"),
    "relationships": (
        "Call my sister every Sunday",
        "Rebuild trust with my kids",
        "Find a sober friend group",
    ),
    "health": (
        "Get a primary care appointment",
        "Walk three times a week",
        "Get my teeth looked at",
    ),
    "recovery": (
        "Go to a meeting twice a week",
        "Find a sponsor or mentor",
        "Try an all-recovery meeting",
    ),
}
GOAL_STATUSES = (
    ("in_progress", 5),
    ("not_started", 3),
    ("achieved", 2),
    ("on_hold", 1),
    ("dropped", 1),
)

NOTES = (
    "Checked in; doing well this week.",
    "Went over the housing list together.",
    "Talked about the job fair on Thursday.",
    "Drove to the RMV together for an ID.",
    "Practised for the interview.",
    "Caught up after the weekend; a hard few days, came through them.",
    "Looked at sober houses online together.",
    "Celebrated 90 days!",
    "Talked about reconnecting with family.",
    "Filled in the SNAP renewal together.",
)
NEXT_STEPS = (
    "Call the housing authority together",
    "Bring the résumé next time",
    "Meet at the center Thursday",
    "Text a reminder about the Tuesday group",
    "Visit the sober house on Saturday",
    "Go to the all-recovery meeting together",
    "Follow up on the job application",
)
END_REASONS = (
    "Finished working together",
    "Moved out of the area",
    "Chose to stop for now",
    "Asked for a different coach",
    "Lost touch after several tries",
)
WAITLIST_NOTES = (
    "Would rather wait for this coach",
    "Prefers afternoons",
    "Call first; may text",
)

# How full each demo coach's caseload is, by login: some full, one over its limit by an
# override, so the chart and the waitlist have something to show.
FILL = {
    "rdelgado": 0.8,
    "mbell": 1.0,
    "ttran": 1.0,
    "aoliveira": 0.6,
    "kmurphy": 0.65,
    "akowalska": 1.0,
}
OVER_LIMIT_LOGIN = "mbell"
