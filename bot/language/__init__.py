"""Languages: the message catalogue and language detection."""
