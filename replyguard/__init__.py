"""replyguard: checks a support operator's draft reply (ru, sl, zh) before it is sent."""

from replyguard.away import away_message as away_message  # issue 11: for CRMs, beside the DESIGN names
from replyguard.guard import Guard
from replyguard.models import Category, Commitment, Context, Edit, Finding, Policy, Report, Severity
from replyguard.notebook import review as review  # cheap: pandas is imported when review() runs

__all__ = [
    "Category",
    "Commitment",
    "Context",
    "Edit",
    "Finding",
    "Guard",
    "Policy",
    "Report",
    "Severity",
]
__version__ = "0.1.0"
