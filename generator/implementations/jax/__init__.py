"""Each activation in ``jax.numpy``/``jax.nn``, a file per id (``forms.py``)."""
