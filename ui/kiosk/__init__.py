"""The self sign-in kiosk by the door (`recovery-desk --kiosk`)."""

from ui.kiosk.station import run_kiosk

__all__ = ["run_kiosk"]
