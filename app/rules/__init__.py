"""Eligibility rules as data (``resources/rules/rules.toml``) and the engine that applies them."""
