"""Pure normalizers: no spaCy, no I/O, each with a table of must-parse / must-not-parse examples."""
