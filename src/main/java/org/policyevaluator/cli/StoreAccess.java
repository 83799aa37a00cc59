package org.policyevaluator.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.policyevaluator.store.StoreDatabase;

/**
 * The store as the CLI finds it: H2 under ./data of the working directory, or PostgreSQL when
 * SPRING_PROFILES_ACTIVE includes "postgres" (POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD) — the
 * same choice {@code serve} makes.
 */
final class StoreAccess {
    private StoreAccess() {
    }

    static HikariDataSource open() {
        try {
            return StoreDatabase.fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
        } catch (RuntimeException e) {
            throw new Main.UsageException("usage.store", e.getMessage());
        }
    }
}
