"""Small reusable widgets: field errors, look-up edits, the verdict panel."""
