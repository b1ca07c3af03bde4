"""The demo's staff accounts by name, and their one password: the start's sign-in screen
offers them before any database code is loaded, so this module imports nothing."""

DEMO_PASSWORD = "recovery desk demo"
DEMO_ADMIN_LOGIN = "demo.admin"
DEMO_DESK_LOGIN = "demo.desk"
