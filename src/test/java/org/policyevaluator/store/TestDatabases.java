package org.policyevaluator.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The two databases every store test runs on: H2 in file mode in a fresh folder, and a fresh database
 * on the PostgreSQL server of this machine (127.0.0.1:5432, trust auth), dropped afterwards.
 */
public final class TestDatabases {
    static final String POSTGRES_SERVER = System.getenv().getOrDefault("PE_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");

    private TestDatabases() {
    }

    /** A database of its own: {@code url} to open it; closing it drops it. */
    public record Database(String kind, String url, String user, Runnable drop) implements AutoCloseable {
        public HikariDataSource open() {
            return StoreDatabase.open(url, user, "");
        }

        @Override
        public void close() {
            drop.run();
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    /** A fresh, empty database of the kind ("H2" or "PostgreSQL"). */
    public static Database fresh(String kind, Path tmp) {
        return kind.equals("H2") ? h2(tmp.resolve("h2-" + UUID.randomUUID())) : postgres();
    }

    public static Database h2(Path dir) {
        return new Database("H2", StoreDatabase.h2Url(dir), "sa", () -> { });
    }

    public static Database postgres() {
        String name = "pe_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return new Database("PostgreSQL", POSTGRES_SERVER + name, "postgres",
                () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_SERVER + " is needed for the store tests"
                    + " (CI starts it): " + e.getMessage(), e);
        }
    }
}
