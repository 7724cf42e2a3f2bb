"""Reading reports: text and Word files into reports, and numbers out of free Chinese text.

This package imports nothing else of zipin's.
"""
