"""Each activation with ``keras.ops``, one file per id (see ``forms.py``)."""
