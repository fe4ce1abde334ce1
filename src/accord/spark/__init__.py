"""The Spark executor (extra ``accord[spark]``): the unchanged Pipeline on a cluster.

Importing this package does not import pyspark; ``run_spark`` does.
"""

from accord.spark.job import SparkOptions, run_spark

__all__ = ["SparkOptions", "run_spark"]
