from django.apps import AppConfig


class HandoverConfig(AppConfig):
    name = "console.handover"
    label = "handover"
    default_auto_field = "django.db.models.BigAutoField"
