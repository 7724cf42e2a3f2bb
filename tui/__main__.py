"""`python -m tui` is `zipin`: for environments where the console script is not on PATH."""

from .launch import main

main()
