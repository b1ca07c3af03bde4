"""Typed SQLAlchemy models, one module per area. Importing this package registers them all."""

from desk.models.audit import AuditEvent
from desk.models.base import Base
from desk.models.cards import DoorRequest, SignInCard
from desk.models.changes import ChangeNotice
from desk.models.coaching import (
    Assignment,
    Barc10Assessment,
    CoachingContact,
    ContactMode,
    GoalArea,
    GoalStatus,
    RecoveryGoal,
    WaitlistEntry,
)
from desk.models.directory import (
    Address,
    Attribute,
    Contact,
    CostOption,
    HsdsOtherRecord,
    Language,
    Location,
    Organization,
    Phone,
    Program,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from desk.models.groups import CenterGroup, GroupAttendance, GroupDateChange, GroupMeeting
from desk.models.people import Person, PersonKind
from desk.models.referrals import Consent, Referral, ReferralItem, ReferralOutcome
from desk.models.reports import ReportCacheState, ReportDay
from desk.models.settings import Setting
from desk.models.staff import (
    CoachAvailability,
    SpecialtyTag,
    StaffLanguage,
    StaffMember,
    StaffRole,
    StaffSpecialty,
)
from desk.models.visits import Purpose, Visit, VisitPurpose, VisitStatus

__all__ = [
    "Address",
    "Assignment",
    "Attribute",
    "AuditEvent",
    "Barc10Assessment",
    "Base",
    "CenterGroup",
    "ChangeNotice",
    "CoachAvailability",
    "CoachingContact",
    "Consent",
    "Contact",
    "ContactMode",
    "CostOption",
    "DoorRequest",
    "GoalArea",
    "GoalStatus",
    "GroupAttendance",
    "GroupDateChange",
    "GroupMeeting",
    "HsdsOtherRecord",
    "Language",
    "Location",
    "Organization",
    "Person",
    "PersonKind",
    "Phone",
    "Program",
    "Purpose",
    "RecoveryGoal",
    "Referral",
    "ReferralItem",
    "ReferralOutcome",
    "ReportCacheState",
    "ReportDay",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "Setting",
    "SignInCard",
    "SpecialtyTag",
    "StaffLanguage",
    "StaffMember",
    "StaffRole",
    "StaffSpecialty",
    "Taxonomy",
    "TaxonomyTerm",
    "Visit",
    "VisitPurpose",
    "VisitStatus",
    "WaitlistEntry",
]
