package org.policyevaluator.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyevaluator.store.TestDatabases;

/** Failures counted per account and per client in the store, as two nodes sharing it would count them. */
class SignInThrottleTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void failuresWhenSpreadOverAccountsFromOneClientShouldLockTheClientAtItsLimit(String kind) throws Exception {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); var ds = db.open()) {
            // two throttles on one database: two nodes
            SignInThrottle a = new SignInThrottle(ds, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
            SignInThrottle b = new SignInThrottle(ds, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
            for (int i = 0; i < 19; i++) {
                (i % 2 == 0 ? a : b).failed("user-" + i, "10.0.0.7");
            }
            assertThat(a.lockedFor("someone-new", "10.0.0.7")).isEmpty();
            b.failed("user-19", "10.0.0.7");
            assertThat(a.lockedFor("someone-new", "10.0.0.7")).hasValueSatisfying(d ->
                    assertThat(d).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
            assertThat(b.lockedFor(null, "10.0.0.7")).isPresent();
            assertThat(a.lockedFor("someone-new", "10.0.0.8")).isEmpty();
            // an account's fourth failure on one node and fifth on the other lock it on both
            for (int i = 0; i < 4; i++) {
                a.failed("Ana", "10.0.0." + (20 + i));
            }
            assertThat(b.lockedFor("ana", "10.0.0.99")).isEmpty();
            b.failed("ANA", "10.0.0.30");
            assertThat(a.lockedFor("ana", "10.0.0.99")).isPresent();
        }
    }
}
