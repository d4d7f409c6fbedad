"""unmask: find and remove fake professional-network profiles used for hostile approaches."""

__version__ = "0.1.0"
__all__ = ["__version__"]
