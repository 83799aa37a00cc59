package org.policyevaluator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Where the store lives: H2 in file mode under ./data of the working directory by default, PostgreSQL
 * when the "postgres" profile is active (URL from POSTGRES_URL), as for the web application. The
 * schema is migrated by Flyway on opening.
 */
public final class StoreDatabase {
    /** H2 speaks PostgreSQL's dialect, so one set of migrations serves both databases. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0";

    private StoreDatabase() {
    }

    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("policy-evaluator").toAbsolutePath() + H2_OPTIONS;
    }

    /** The store the CLI uses: the same choice the web application makes from its profile. */
    public static HikariDataSource fromEnvironment(Map<String, String> env, Path workingDir) {
        String profiles = env.getOrDefault("SPRING_PROFILES_ACTIVE", "");
        if (profiles.contains("postgres")) {
            String url = env.get("POSTGRES_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("the postgres profile is active but POSTGRES_URL is not set");
            }
            return open(url, env.getOrDefault("POSTGRES_USER", "postgres"), env.getOrDefault("POSTGRES_PASSWORD", ""));
        }
        return open(h2Url(workingDir.resolve("data")), "sa", "");
    }

    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("store");
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds);
        return ds;
    }

    public static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).load().migrate();
    }
}
