/** Stores in portable SQL (standard types, no vendor functions) over any JDBC connection: DuckDB now, PostgreSQL next. */
package io.fidelis.store.jdbc;
