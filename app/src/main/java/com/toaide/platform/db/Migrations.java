package com.toaide.platform.db;

import org.flywaydb.core.Flyway;

/** Runs the forward-only migrations in migrations/ as the owner role. */
public final class Migrations {
    private Migrations() {}

    /** Returns the number of migrations applied; throws when one fails. */
    public static int run(ConnectionSettings owner) {
        var flyway = Flyway.configure()
                .dataSource(owner.jdbcUrl(), owner.user(), owner.password())
                .locations("classpath:db/migration")
                .connectRetries(5)
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
