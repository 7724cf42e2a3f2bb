"""The SQLite store: reports, paragraphs, facts, search and suggestions.

Never imports textual or rich.
"""
