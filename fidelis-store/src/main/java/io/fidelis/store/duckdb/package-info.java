/** The embedded store: the book in a DuckDB file in the workspace, loaded through staging tables. */
package io.fidelis.store.duckdb;
