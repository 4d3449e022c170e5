"""Measuring claimkit: gold files, matching and scoring, public benchmarks beside peer tools.

- `gold`: the gold file format (docs/gold-format.md): load, check, locate spans.
- `match`: match predictions to gold by type and overlap; precision, recall, F1, values.
- `detok`, `meantime`, `gum`: rebuild corpus texts and read their gold.
- `peers`: spaCy NER, textacy quotes and dateparser, run as their authors ship them.
- `evaluate`, `cli`: `claimkit eval GOLD_DIR`; `bench`, `report`: `make eval`.
"""
