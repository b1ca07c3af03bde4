"""Staff accounts: passwords and PINs (hashed with argon2id), and the rules they must meet."""
