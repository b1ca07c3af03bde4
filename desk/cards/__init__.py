"""Sign-in cards: the token on a card, telling a scan from typing, and reading a card."""
