"""``python -m mgmt_tools.schemas``: regenerate the kept schemas."""

from mgmt_tools.schemas import main

main()
