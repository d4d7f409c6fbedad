"""A synthetic professional network with planted hostile campaigns and benign look-alikes.

Synthetic data is for plumbing, scale and demos: no detection figure measured on it says
anything about real-world quality. See docs/simulator.md.
"""

from unmask.sim.run import ProgressFn, SimSummary, simulate

__all__ = ["ProgressFn", "SimSummary", "simulate"]
