"""The staff console: a Django project where staff answer the people who asked for a person.

Apps: ``accounts`` (roles, first-login password change, two-factor), ``handover`` (the inbox),
``audit`` (who did what, when, to which handover; never a message text). Settings come from the
environment (README, "Staff console"). ``python -m console.serve`` applies the migrations and
starts gunicorn on ``BOT_CONSOLE_HOST``:``BOT_CONSOLE_PORT`` (127.0.0.1:8000).
"""
