"""``python -m graph`` runs the newsgraph command line."""

from .cli import main

if __name__ == "__main__":  # not when a worker process (multiprocessing's spawn) imports this module
    main()
