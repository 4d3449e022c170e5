"""The review store and the review page: people mark claims sourced, disputed or opinion,
and every verdict is kept across re-runs of the pipeline."""
