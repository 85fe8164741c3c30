"""Storage: the database (engine, sessions, error translation), its backups and instance lock,
where the app's files live, and writing output files safely."""
