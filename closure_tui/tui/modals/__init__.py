"""Forms and confirmations: `ModalScreen[T]` subclasses that `dismiss` with their result."""
