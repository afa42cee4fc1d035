"""The entries of the method registry, one module per method package, and the types they are
made of (:mod:`~mgmt_tools.registry.options`, :mod:`~mgmt_tools.registry.method`).

Everything here imports only the standard library; :mod:`mgmt_tools.methods` gathers the
entries into ``METHODS``.
"""
