"""A report's editions side by side: which node of one is which of another, and what changed."""
