"""HTTP layer only: parse requests, call the backend in one transaction, shape responses."""
