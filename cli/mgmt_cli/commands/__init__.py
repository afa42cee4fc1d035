"""One module per ``mgmt`` command; each imports mgmt_tools inside its function body."""
