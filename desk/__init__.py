"""Recovery Desk's domain: data, services, documents and the admin command line.

Nothing in this package imports Qt or the user interface; everything the front desk can do
is a plain function here first, so it can be tested without a screen and scripted.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("recovery-desk")
except PackageNotFoundError:  # running from a frozen bundle or a bare checkout
    from desk.paths import bundled_version

    __version__ = bundled_version()
