"""Sổ Thi đua: the core (model, services, rules, reports, CLI). Never imports Qt."""

__version__ = "0.1.0"
