"""Services: every operation on the data, each in one short session, raising :class:`DomainError`.

The GUI and the CLI call these and nothing below them.
"""
