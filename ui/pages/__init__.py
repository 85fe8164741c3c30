"""The pages of the main window, one module per work area."""

from .overview import OverviewPage

__all__ = ["OverviewPage"]
