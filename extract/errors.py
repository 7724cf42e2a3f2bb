"""The one exception the reading side raises for input it cannot use."""


class InputError(Exception):
    """Bad input: the message is Chinese and meant for the user, never a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
