"""`python -m replyguard` is the `replyguard` command."""

import sys

from replyguard.cli import main

sys.exit(main())
