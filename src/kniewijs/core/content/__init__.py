"""Structured content in Dutch and English: the one source for the knowledge pages, the self-check and the plan."""
