"""Staff accounts: roles as Django auth groups, a password to change at first login, two-factor."""
