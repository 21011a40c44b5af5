"""Tests of site operations: backup and restore, health check (cms/operations/)."""
