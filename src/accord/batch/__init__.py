"""Batch runs at corpus scale: streaming, worker processes, resume, Parquet output.

What runs is always ``accord.pipeline.Pipeline``; this package decides where and
how results are committed. See docs/scale.md.
"""

from accord.batch.parquet import OutputMismatchError
from accord.batch.run import BatchOptions, BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "OutputMismatchError", "run_batch"]
