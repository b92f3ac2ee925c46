"""Entry point of the one-folder bundle (packaging/karar.spec): the ``karar`` console script."""

import os
import sys


def _coerce_c_locale() -> None:
    """What the python command does at start (PEP 538) and PyInstaller's bootloader does not:
    under the C locale (``env -i``, a bare service), LC_CTYPE becomes C.UTF-8. Without it Qt
    warns on every start that it switched to C.UTF-8 itself."""
    if os.environ.get("LC_ALL"):
        return
    if (os.environ.get("LC_CTYPE") or os.environ.get("LANG") or "C") in ("C", "POSIX"):
        os.environ["LC_CTYPE"] = "C.UTF-8"


if __name__ == "__main__":
    _coerce_c_locale()
    from karar.cli import main

    sys.exit(main())
