"""newsclaims' data files (entity patterns, lexicons, slot ranker weights, evaluation maps); no code.

Installed as the package ``newsclaims.models`` so that :mod:`importlib.resources` finds them
(see ``newsclaims.resources``)."""
