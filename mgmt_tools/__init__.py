"""mgmt-tools: management analysis methods with textbook-exact numbers and diagrams.

One package per method (``mgmt_tools.pert``, ...); each offers ``load``/``loads``/``from_dict``
for its input, a pure algorithm function (``schedule`` for pert) and ``to_dot``/``to_mermaid``
renderers. This module imports none of them, so ``import mgmt_tools`` stays cheap.
"""

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from mgmt_tools._version import __version__

        return __version__
    raise AttributeError(f"module 'mgmt_tools' has no attribute {name!r}")
