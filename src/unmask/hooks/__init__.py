"""The plugin machinery: the hook specifications and ``load_plugins``, which loads every plugin
once at start-up into a ``Plugins`` object that start-up code passes on. unmask's own components
are a plugin like any other (``unmask.plugins.builtin``)."""

from unmask.hooks.hookspecs import hookimpl
from unmask.hooks.manager import PluginError, Plugins, load_plugins

__all__ = ["PluginError", "Plugins", "hookimpl", "load_plugins"]
