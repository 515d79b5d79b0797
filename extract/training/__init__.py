"""Training the learned decider: data from annotated passages, ``spacy train``, install.

``python -m banwatch.extract.training`` (what ``make train`` runs) builds the examples,
trains with ``extract/training/config.cfg`` and installs the best model, with its
thresholds and a record of what it was trained on, in ``extract/models/decider``.
"""
