"""Users, roles, password hashing (Argon2id) and API tokens."""

from unmask.auth.users import (
    ROLES,
    AuthError,
    Role,
    User,
    authenticate_password,
    authenticate_token,
    create_token,
    create_user,
    get_user,
)

__all__ = [
    "ROLES",
    "AuthError",
    "Role",
    "User",
    "authenticate_password",
    "authenticate_token",
    "create_token",
    "create_user",
    "get_user",
]
