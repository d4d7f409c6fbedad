"""Plugin hooks: detectors, engines, exchanges, actions, commands, routes and evaluation suites,
for unmask's own components and anyone's (see docs/architecture.md, "Plugins")."""

from unmask.plugins.hookspecs import hookimpl
from unmask.plugins.manager import PluginError, Plugins, load_plugins

__all__ = ["PluginError", "Plugins", "hookimpl", "load_plugins"]
