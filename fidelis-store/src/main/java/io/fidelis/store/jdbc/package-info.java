/**
 * The service's users, API tokens, audit log and policy versions in portable SQL (standard types, no vendor functions)
 * over {@link io.fidelis.store.sql.Connections}: the same code on DuckDB and PostgreSQL.
 */
package io.fidelis.store.jdbc;
