"""English vocabulary: data modules, listed in :mod:`newsfacts.lexicon`."""
