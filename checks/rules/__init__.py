"""Every rule module registers itself on import."""

from . import (  # noqa: F401
    completeness,
    duplicates,
    execution_rate,
    indicators,
    names,
    numbering,
    scores,
    stale,
    table_sums,
    text_totals,
    two_values,
    years,
)
