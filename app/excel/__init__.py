"""Excel in and out: typed, formula-safe .xlsx export, and checked, all-or-nothing imports.

``safety`` refuses files that are not plain .xlsx (encrypted, truncated, zip bombs) before any
parsing; ``xlsx`` (python-calamine, after its own bounds checks) and ``csvfile`` give rows with
bounded cells; ``legacy`` turns TCVN3/ABC and VNI text into Unicode; ``fields``/``importer`` map
headers, validate every row with the services' own rules and write in one transaction; ``writer``
exports tables.
"""
