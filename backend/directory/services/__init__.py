"""Writes of the directory app: sync, login refresh and absences (one module each)."""
