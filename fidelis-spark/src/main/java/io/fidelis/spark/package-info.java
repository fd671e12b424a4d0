/** The Spark job: classifies a book on a cluster with the core and policy of the CLI, results as Parquet. */
package io.fidelis.spark;
