"""Staff at the station: signing in, the first admin, the lock screen, and who is signed in."""
