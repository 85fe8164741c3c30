"""Qt item models over the services' row sources."""
