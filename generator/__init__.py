"""Generate the activation-function reference from one catalog of definitions."""
