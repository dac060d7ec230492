"""A local emulator of the NVIDIA Run:ai control-plane REST API (2.24)."""
