"""Plain per-kind logic: validation, API mapping, diff decisions (no Pulumi, no HTTP)."""
