"""The wording index the search and the suggestions start from.

A department's past reports copy each other year to year, so a store of 300,000 paragraphs
holds far fewer distinct wordings once numbers are masked.  This index keeps each distinct
masked text once with its character bigrams (`grams`), and every past paragraph's place —
wording, report, section, year, unit, project — as arrays (`build`), so candidates are ranked
per wording (copies of one paragraph cannot crowd out the others), and filters, ties and the
count of copies are answered without SQL (`members`).  It is held in memory per store and
saved next to it (`cache`), keyed by a counter the store's triggers bump on every change to a
past report (schema m007); drafts are not in it — they change on every keystroke.
"""

from .build import Wordings, build
from .cache import drop_saved, saved_path, saved_state, wordings_of
from .grams import candidates
from .members import affine, allowed_wordings, filtered, passing, representatives
from .rank import best_wordings

__all__ = ["Wordings", "affine", "best_wordings", "allowed_wordings", "build", "candidates", "drop_saved", "filtered",
           "passing", "representatives", "saved_path", "saved_state", "wordings_of"]
