"""Dossiers that travel between offices: signed packages (issue #17)."""
