"""`python -m ui` and the frozen bundle's entry: the same as the `recovery-desk` command."""

from ui.launcher import main

if __name__ == "__main__":
    main()
