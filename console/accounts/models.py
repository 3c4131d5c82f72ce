from django.conf import settings
from django.db import models


class Profile(models.Model):
    """What Django's user lacks: whether the one-time password must still be changed."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    must_change_password = models.BooleanField(default=True)
