/** The book, runs and overrides in a PostgreSQL database shared by many users (see docs/postgresql.md). */
package io.fidelis.store.postgres;
