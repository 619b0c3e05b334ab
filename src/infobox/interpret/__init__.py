"""Interpret stage: field values → claims with typed values, attribution and references."""
