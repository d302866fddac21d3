"""Durable local persistence: TinyDB over atomic, private, locked, backed-up JSON files."""
