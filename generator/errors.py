"""The root of every error a user (trainer, HR, trainee's file) can cause.

The CLI turns these into a message and exit code 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; ``str(error)`` is the whole message they see."""
