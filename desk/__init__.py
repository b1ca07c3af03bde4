"""Recovery Desk's domain: data, services, documents and the admin command line.

Nothing in this package imports Qt or the user interface; everything the front desk can do
is a plain function here first, so it can be tested without a screen and scripted.
"""

from functools import cache


@cache
def _version() -> str:
    """pyproject.toml's version beside the code (a checkout or the frozen bundle), else the
    installed package's."""
    from desk.paths import bundled_version

    found = bundled_version()
    if found != "0+unknown":
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("recovery-desk")
    except PackageNotFoundError:
        return found


def __getattr__(name: str) -> str:
    # `desk.__version__` is read when asked for: importlib.metadata scans every installed
    # package, about a tenth of a second that every start paid before its window appeared.
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'desk' has no attribute {name!r}")
