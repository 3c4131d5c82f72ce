"""The signed-in user's role, for the templates (menus shown per role)."""

from console.accounts.roles import role_of


def role(request):
    user = getattr(request, "user", None)
    return {"role": role_of(user) if user is not None and user.is_authenticated else None}
