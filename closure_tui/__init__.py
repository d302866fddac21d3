"""closure-tui (结清跟踪): track settled debts through every closure step."""
