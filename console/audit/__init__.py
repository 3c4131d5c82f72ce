"""The audit log: who did what, when, to which handover. Never a message text."""
