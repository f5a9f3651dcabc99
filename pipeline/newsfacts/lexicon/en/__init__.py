"""English vocabulary (data modules; see :mod:`newsfacts.lexicon`)."""
