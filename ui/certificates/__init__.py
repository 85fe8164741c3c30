"""Certificate preview, printing and verification dialogs."""
