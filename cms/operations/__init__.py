"""Site operations: backup and restore (`backup`), the health check (`health`) and the
compiled UI translations (`catalogs`); their commands are in cms/management/commands/."""
