/** The parts of the stores that are plain JDBC and portable SQL, shared by the DuckDB and PostgreSQL stores. */
package io.fidelis.store.sql;
