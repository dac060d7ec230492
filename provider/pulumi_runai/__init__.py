"""Provider package; the public surface is assembled in this module."""
