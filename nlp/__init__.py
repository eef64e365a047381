"""Arabic text processing and extraction: normalise, tag, find entities and events."""
