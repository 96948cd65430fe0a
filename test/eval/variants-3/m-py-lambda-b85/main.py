"""Coding assessment entry point.

    python main.py            # runs the checker against your solution
"""
from assessment.runner import run_all

if __name__ == "__main__":
    raise SystemExit(run_all())
