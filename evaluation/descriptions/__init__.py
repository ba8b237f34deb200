"""Description -> fiche métier and compétence ranking: training, cross-validation, baselines."""
