"""Pure closure rules: dataclasses, validation and parsing. No I/O, no Textual."""
