"""`python -m closure_tui` behaves exactly like the `closure-tui` command."""

from closure_tui.cli import main

raise SystemExit(main())
