/**
 * The database platform: connection pool, Jdbi, migrations, the embedded PostgreSQL, and the
 * two named ways into the data ({@code asUser}, {@code asSystem}). Features keep their SQL in
 * their own package-private DAOs and reach the database only through {@link com.toaide.platform.db.Database}.
 */
package com.toaide.platform.db;
