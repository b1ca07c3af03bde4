"""`python -m desk.cli SUBCOMMAND`: the admin command line, without Qt."""

import sys

from desk.cli import main

sys.exit(main())
