"""Job-title ranker: data loading, grouped cross-validation, baselines and training."""
