"""Training what the pipeline learns from the gold set (``newsclaims train-slots``); needs the ``train`` extra."""
