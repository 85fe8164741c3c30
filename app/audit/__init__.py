"""The audit log: recording and verifying the hash chain (log.py), and its head kept outside the
database (head.py)."""
