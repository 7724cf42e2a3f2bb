"""Every rule module registers itself on import."""

from . import (  # noqa: F401
    basis,
    completeness,
    duplicates,
    execution_rate,
    indicators,
    names,
    numbering,
    scores,
    stale,
    table_sums,
    targets,
    text_totals,
    two_values,
    years,
)
