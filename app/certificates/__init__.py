"""Certificates (Giấy khen, Bằng khen, emulation titles): layouts as data, fitting, fonts,
rendering on plain paper or pre-printed blanks, register numbers, signatures and batches.

Entry points: :func:`app.certificates.batch.make_certificates` (files) and
:func:`app.certificates.signing.verify` (a printed code or QR text).
"""
