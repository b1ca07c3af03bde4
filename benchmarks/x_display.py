"""A private Xvfb screen and a small X client (ctypes over libX11 and libXtst) for timing starts.

Why not xdotool: the start benchmark needs the moment a window is mapped and the moment a
key reaches its text box, without a polling loop of subprocesses eating the CPU the program
under test needs. Here the root window reports every map (MapNotify, no polling), keys are
sent with XTest as a keyboard would, and "the key was accepted" is read back from the PRIMARY
selection: Qt's line edits (any Qt text box) publish their selected text there, so after
typing "x" and Shift+Home the selection reads "x" exactly when the box has taken the key.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

MAP_NOTIFY = 19
UNMAP_NOTIFY = 18
DESTROY_NOTIFY = 17
SELECTION_NOTIFY = 31
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
PRIMARY = 1  # predefined atom
REVERT_TO_PARENT = 2
ANY_PROPERTY_TYPE = 0


class _MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _SelectionEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("requestor", ctypes.c_ulong),
        ("selection", ctypes.c_ulong),
        ("target", ctypes.c_ulong),
        ("property", ctypes.c_ulong),
        ("time", ctypes.c_ulong),
    ]


class _Event(ctypes.Union):
    _fields_ = [
        ("type", ctypes.c_int),
        ("xmap", _MapEvent),
        ("xselection", _SelectionEvent),
        ("pad", ctypes.c_long * 24),
    ]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _library(name: str) -> ctypes.CDLL:
    found = ctypes.util.find_library(name)
    if found is None:
        raise RuntimeError(f"lib{name} is needed (apt-get install lib{name}-6 or similar)")
    return ctypes.CDLL(found)


class VirtualScreen:
    """An Xvfb server on a free display number; stop() ends it."""

    def __init__(self, size: str = "1366x768") -> None:
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is needed: apt-get install xvfb")
        number = 90
        while Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            number += 1
        self.name = f":{number}"
        self._process = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{number}")
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        else:
            self.stop()
            raise RuntimeError("Xvfb did not start")

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)


class XClient:
    """Watches top-level windows being mapped, sends keys, reads the PRIMARY selection."""

    def __init__(self, display_name: str) -> None:
        x11 = self._x = _library("X11")
        self._xtst = _library("Xtst")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XCreateSimpleWindow.restype = ctypes.c_ulong
        x11.XCreateSimpleWindow.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            *[ctypes.c_int] * 2,
            *[ctypes.c_uint] * 3,
            *[ctypes.c_ulong] * 2,
        ]
        x11.XInternAtom.restype = ctypes.c_ulong
        x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x11.XPending.argtypes = [ctypes.c_void_p]
        x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
        x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        x11.XFlush.argtypes = [ctypes.c_void_p]
        x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XSetInputFocus.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        x11.XConvertSelection.argtypes = [ctypes.c_void_p] + [ctypes.c_ulong] * 5
        x11.XStringToKeysym.restype = ctypes.c_ulong
        x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x11.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_void_p),
        ]
        x11.XFree.argtypes = [ctypes.c_void_p]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._xtst.XTestFakeKeyEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        # A window that goes away between its map and our focus request is not fatal.
        self._errors = 0

        def ignore(_display, _error) -> int:
            self._errors += 1
            return 0

        self._error_handler = _ERROR_HANDLER(ignore)
        x11.XSetErrorHandler(self._error_handler)
        self._display = x11.XOpenDisplay(display_name.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display_name}")
        self._root = x11.XDefaultRootWindow(self._display)
        x11.XSelectInput(self._display, self._root, SUBSTRUCTURE_NOTIFY_MASK)
        self._own = x11.XCreateSimpleWindow(self._display, self._root, 0, 0, 1, 1, 0, 0, 0)
        self._utf8 = x11.XInternAtom(self._display, b"UTF8_STRING", 0)
        self._property = x11.XInternAtom(self._display, b"START_BENCH_SELECTION", 0)
        x11.XSync(self._display, 0)
        self._fd = x11.XConnectionNumber(self._display)
        self._mapped: list[int] = []
        self.log: list = []
        self._selection_answer: int | None = None

    def close(self) -> None:
        self._x.XCloseDisplay(self._display)

    def _drain(self) -> None:
        event = _Event()
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, ctypes.byref(event))
            if event.type == MAP_NOTIFY and event.xmap.window != self._own:
                self._mapped.append(event.xmap.window)
                self.log.append((time.monotonic(), "map", event.xmap.window))
            elif event.type in (UNMAP_NOTIFY, DESTROY_NOTIFY):
                window = event.xmap.window
                what = "unmap" if event.type == UNMAP_NOTIFY else "destroy"
                self.log.append((time.monotonic(), what, window))
                if window in self._mapped:
                    self._mapped.remove(window)
            elif event.type == SELECTION_NOTIFY:
                self._selection_answer = event.xselection.property

    def _wait(self, seconds: float) -> None:
        select.select([self._fd], [], [], max(0.0, seconds))
        self._drain()

    def forget_windows(self) -> None:
        self._x.XSync(self._display, 0)
        self._drain()
        self._mapped.clear()

    def wait_for_window(self, deadline: float, alive=lambda: True) -> int | None:
        """The first top-level window mapped since forget_windows(), or None by the deadline."""
        while not self._mapped:
            if time.monotonic() > deadline or not alive():
                return None
            self._wait(min(0.05, deadline - time.monotonic()))
        return self._mapped[0]

    def focus(self, window: int) -> None:
        self._x.XSetInputFocus(self._display, window, REVERT_TO_PARENT, 0)
        self._x.XFlush(self._display)

    def press(self, *keys: str) -> None:
        """Press the keys together (a chord such as "Shift_L", "Home"), then release them."""
        codes = [
            self._x.XKeysymToKeycode(self._display, self._x.XStringToKeysym(key.encode()))
            for key in keys
        ]
        for code in codes:
            self._xtst.XTestFakeKeyEvent(self._display, code, 1, 0)
        for code in reversed(codes):
            self._xtst.XTestFakeKeyEvent(self._display, code, 0, 0)
        self._x.XFlush(self._display)

    def type_text(self, text: str) -> None:
        """Type `text`: letters, digits, spaces and the few signs a username has."""
        names = {" ": "space", ".": "period", "-": "minus", "@": "at", "_": "underscore"}
        for char in text:
            key = names.get(char, char)
            if char.isupper() or char in "@_":
                self.press("Shift_L", key.lower() if char.isupper() else key)
            else:
                self.press(key)

    def primary_selection(self, timeout: float = 1.0) -> str | None:
        """The PRIMARY selection's text, or None when no program holds one."""
        self._selection_answer = None
        self._x.XConvertSelection(self._display, PRIMARY, self._utf8, self._property, self._own, 0)
        self._x.XFlush(self._display)
        deadline = time.monotonic() + timeout
        while self._selection_answer is None:
            if time.monotonic() > deadline:
                return None  # the owner is busy: ask again later
            self._wait(deadline - time.monotonic())
        if not self._selection_answer:
            return None
        kind, size_format = ctypes.c_ulong(), ctypes.c_int()
        items, left, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        self._x.XGetWindowProperty(
            self._display,
            self._own,
            self._property,
            0,
            4096,
            1,
            ANY_PROPERTY_TYPE,
            ctypes.byref(kind),
            ctypes.byref(size_format),
            ctypes.byref(items),
            ctypes.byref(left),
            ctypes.byref(data),
        )
        if not data.value:
            return ""
        text = ctypes.string_at(data.value, items.value).decode("utf-8", "replace")
        self._x.XFree(data)
        return text


def environment_for(display: str) -> dict[str, str]:
    env = dict(os.environ)
    env["DISPLAY"] = display
    env["QT_QPA_PLATFORM"] = "xcb"
    env.pop("WAYLAND_DISPLAY", None)
    return env
