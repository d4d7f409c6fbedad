"""``python -m unmask``: the same as the ``unmask`` command."""

from unmask.cli.main import main

main()
