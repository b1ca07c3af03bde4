from ui.pages.referrals.page import ReferralsPage

__all__ = ["ReferralsPage"]
