"""File readers (FIT, GPX, TCX, CSV, export zips) returning core dataclasses. No Django import."""
