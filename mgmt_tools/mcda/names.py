"""The names of the variants (methods, normalisations, weightings, AHP methods) as a reader
sees them: the option value itself in English (``topsis``, ``minmax``), the field's name in
Chinese (``TOPSIS``, ``极差归一化``). The option values stay what the input and the JSON write.

>>> from mgmt_tools.locale import using
>>> with using("en"):
...     method_name("weighted_sum"), labelled(normalization_name, "minmax")
('weighted_sum', 'minmax')
>>> with using("zh"):
...     method_name("weighted_sum"), labelled(normalization_name, "minmax")
('加权和法', '极差归一化（minmax）')
"""

from __future__ import annotations

from collections.abc import Callable

from mgmt_tools.locale import pgettext

__all__ = [
    "ahp_method_name",
    "labelled",
    "method_name",
    "normalization_name",
    "weighting_name",
]


def method_name(method: str) -> str:
    """The scoring method ``method`` (weighted_sum, weighted_product, topsis, vikor)."""
    names = {
        "weighted_sum": pgettext("mcda method", "weighted_sum"),
        "weighted_product": pgettext("mcda method", "weighted_product"),
        "topsis": pgettext("mcda method", "topsis"),
        "vikor": pgettext("mcda method", "vikor"),
    }
    return names.get(method, method)


def normalization_name(normalization: str) -> str:
    """The normalisation ``normalization`` (minmax, max, sum, vector, zscore, none)."""
    names = {
        "minmax": pgettext("normalization", "minmax"),
        "max": pgettext("normalization", "max"),
        "sum": pgettext("normalization", "sum"),
        "vector": pgettext("normalization", "vector"),
        "zscore": pgettext("normalization", "zscore"),
        "none": pgettext("normalization", "none"),
    }
    return names.get(normalization, normalization)


def weighting_name(weighting: str) -> str:
    """The weighting ``weighting`` (given, equal, ahp, entropy, critic, roc)."""
    names = {
        "given": pgettext("weighting", "given"),
        "equal": pgettext("weighting", "equal"),
        "ahp": pgettext("weighting", "ahp"),
        "entropy": pgettext("weighting", "entropy"),
        "critic": pgettext("weighting", "critic"),
        "roc": pgettext("weighting", "roc"),
    }
    return names.get(weighting, weighting)


def ahp_method_name(method: str) -> str:
    """The AHP priority method ``method`` (eigenvector, geometric_mean)."""
    names = {
        "eigenvector": pgettext("ahp method", "eigenvector"),
        "geometric_mean": pgettext("ahp method", "geometric_mean"),
    }
    return names.get(method, method)


def labelled(name_of: Callable[[str], str], value: str) -> str:
    """``value`` named by ``name_of``, followed by the option value where the name differs
    (Chinese), so that a reader can write the value in the input."""
    name = name_of(value)
    if name == value:
        return value
    return pgettext("option value", "{name} ({value})").format(name=name, value=value)
