"""Dialogs for Excel import/export and document generation (app.excel, app.documents)."""
