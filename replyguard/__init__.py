"""replyguard: checks a support operator's draft reply (ru, sl, zh) before it is sent."""

from replyguard.guard import Guard
from replyguard.models import Category, Commitment, Context, Edit, Finding, Policy, Report, Severity

__all__ = ["Guard", "Context", "Policy", "Report", "Finding", "Edit", "Commitment", "Category", "Severity"]
__version__ = "0.1.0"
