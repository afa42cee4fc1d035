"""``python -m mgmt_cli``."""

from mgmt_cli.main import main

main()
