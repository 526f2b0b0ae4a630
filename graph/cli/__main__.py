"""``python -m graph.cli`` runs the newsgraph command line, as ``python -m graph`` does."""

from . import main

if __name__ == "__main__":  # not when a worker process (multiprocessing's spawn) imports this module
    main()
