"""Before Qt starts on Linux under X: name, in one line, the system libraries its xcb plugin needs
and cannot find. Qt's own message names only one (often the wrong one: libxcb-cursor0), so a clerk
or their IT saw one failure per missing library."""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable

# find_library name → Debian/Ubuntu package
XCB_LIBRARIES = {  # what Qt 6's xcb plugin links against (ldd of libqxcb.so and libQt6XcbQpa)
    "xcb": "libxcb1",
    "X11-xcb": "libx11-xcb1",
    "X11": "libx11-6",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render": "libxcb-render0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-util": "libxcb-util1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon": "libxkbcommon0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
    "glib-2.0": "libglib2.0-0",
}


def missing_packages(find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """The packages of the libraries Qt's xcb platform needs and this machine lacks (Linux under
    X only; elsewhere, or on the offscreen/wayland platforms, none)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return []  # a frozen bundle carries its own copies
    if platform and not platform.startswith("xcb"):
        return []
    return [package for name, package in XCB_LIBRARIES.items() if not find(name)]


def message(packages: list[str]) -> str:
    return ("Sổ Thi đua: thiếu thư viện hệ thống để mở cửa sổ: " + ", ".join(packages)
            + ". Cài bằng: sudo apt-get install " + " ".join(packages))  # fmt: skip
