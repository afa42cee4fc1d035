"""The fuzz suite (issue #14, item 7): hostile inputs through every command; see budget.py."""
