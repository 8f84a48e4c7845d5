"""The short NumPy form of each elementwise activation (see ``forms.py``)."""
