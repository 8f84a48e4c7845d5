"""Each activation in PyTorch tensor ops, one file per id (see ``forms.py``)."""
