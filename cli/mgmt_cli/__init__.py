"""The ``mgmt`` command line: a thin Click layer over :mod:`mgmt_tools`."""
