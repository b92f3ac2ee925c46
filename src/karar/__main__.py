"""``python -m karar`` runs the ``karar`` command."""

import sys

from karar.cli import main

sys.exit(main())
