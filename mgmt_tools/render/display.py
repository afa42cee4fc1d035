"""Notebook display of every result, with one error policy.

A result class inherits :class:`Displayed`; Jupyter calls ``_repr_mimebundle_`` and gets the
method's readable summary as text and its default picture as SVG. The picture comes from the
method registry, so a result never imports its own renderers. When the picture cannot be drawn
for a reason the user can act on (Graphviz missing, a chart this input has no data for: any
:class:`~mgmt_tools.errors.MgmtError`), the text alone is shown with a line saying why; any
other exception is a bug and propagates.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Displayed", "mimebundle"]


def mimebundle(result: Any) -> dict[str, str]:
    """The display bundle of ``result``: ``text/plain`` always, ``image/svg+xml`` when its
    default picture can be drawn."""
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.methods import method_of

    method = method_of(result)
    text = method.summary_text(result)
    if not method.charts:
        return {"text/plain": text}
    try:
        picture = method.draw(result, "svg", method.pick_chart(result, None, {}))
    except MgmtError as error:
        from mgmt_tools.locale import _

        return {"text/plain": text + "\n" + _("(no picture: {error})").format(error=error)}
    svg = picture.decode("utf-8") if isinstance(picture, bytes) else picture
    return {"text/plain": text, "image/svg+xml": svg}


class Displayed:
    """Mixin: display a result in Jupyter through its method's summary and picture."""

    __slots__ = ()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return mimebundle(self)
