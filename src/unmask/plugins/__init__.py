"""Plugins: ``from unmask.plugins import hookimpl`` in a package of your own, and an entry point
in the ``unmask`` group (see docs/detectors.md). ``builtin`` is unmask's own plugin, the
composition root that names every built-in component."""

from unmask.hooks import PluginError, Plugins, hookimpl, load_plugins

__all__ = ["PluginError", "Plugins", "hookimpl", "load_plugins"]
