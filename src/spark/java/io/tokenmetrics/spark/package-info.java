/**
 * The usage aggregation on Apache Spark 3.5 ({@link io.tokenmetrics.spark.SparkUsage}): the same
 * source profiles, checks and de-duplication as {@link io.tokenmetrics.usage.UsageAggregator},
 * run on the executors, with the same {@link io.tokenmetrics.usage.UsageResult} on the driver.
 * Built only in the Maven profile {@code spark}; see {@code docs/spark.md}.
 */
package io.tokenmetrics.spark;
