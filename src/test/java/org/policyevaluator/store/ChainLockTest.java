package org.policyevaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.TestSupport;

/**
 * The audit chain's head, which lines up every writer on every node, is locked only when a batch's rows are
 * written: its entries are linked and the transaction commits, nothing else (a batch once held it while it
 * serialised and wrote thousands of evaluations, and every other submission waited).
 */
class ChainLockTest {
    @TempDir
    static Path tmp;

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    /** Every SQL statement sent through the data source, in order. */
    static final class Recording implements DataSource {
        final DataSource inner;
        final List<String> sql = Collections.synchronizedList(new ArrayList<>());

        Recording(DataSource inner) {
            this.inner = inner;
        }

        private <T> T record(T target, Class<T> type) {
            return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
                if (args != null && args.length > 0 && args[0] instanceof String s
                        && (m.getName().startsWith("prepare") || m.getName().startsWith("execute") || m.getName().equals("addBatch"))) {
                    sql.add(s.replaceAll("\\s+", " "));
                }
                if (m.getName().equals("commit")) {
                    sql.add("COMMIT");
                }
                try {
                    Object result = m.invoke(target, args);
                    return result instanceof Statement st && m.getName().equals("createStatement") ? record(st, Statement.class) : result;
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        }

        @Override
        public Connection getConnection() throws SQLException {
            return record(inner.getConnection(), Connection.class);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return record(inner.getConnection(user, password), Connection.class);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return inner.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            inner.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            inner.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return inner.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return inner.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return inner.isWrapperFor(iface);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveShouldWriteEveryRowBeforeLockingTheChainAndThenOnlyLinkAndCommit(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            EvaluationStoreTest.submit(new EvaluationStore(ds), TestSupport.RULES, "warm", "green-textile-factory.json");
            Recording recording = new Recording(ds);
            EvaluationStoreTest.submit(new EvaluationStore(recording), TestSupport.RULES, "ana",
                    "green-textile-factory.json", "batch-with-rejected-applications.json");
            List<String> sql = List.copyOf(recording.sql);
            int lock = -1;
            int lastRow = -1;
            for (int i = 0; i < sql.size(); i++) {
                if (sql.get(i).contains("FROM chain_head") && sql.get(i).contains("FOR UPDATE")) {
                    lock = lock < 0 ? i : lock;
                }
                if (sql.get(i).startsWith("INSERT INTO evaluation") || sql.get(i).startsWith("INSERT INTO batch")) {
                    lastRow = i;
                }
            }
            assertThat(lastRow).as(String.join("\n", sql)).isPositive();
            assertThat(lock).as(String.join("\n", sql)).isGreaterThan(lastRow);
            // from the lock to the commit: the chain's entries and its head, nothing else
            assertThat(sql.subList(lock + 1, sql.size())).allMatch(s -> s.startsWith("INSERT INTO audit_log")
                    || s.startsWith("UPDATE chain_head") || s.equals("COMMIT"));
            assertThat(sql.get(sql.size() - 1)).isEqualTo("COMMIT");
            assertThat(new EvaluationStore(ds).verify().intact()).isTrue();
        }
    }
}
