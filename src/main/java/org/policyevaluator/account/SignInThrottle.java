package org.policyevaluator.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Slows down guessing: after {@code maxPerAccount} failed sign-ins to one account, or {@code maxPerClient}
 * from one client address, within {@code window}, that account or client is refused for {@code lock}
 * whatever it sends, a right password included. Kept in the store's database, so that every node counts
 * the same failures; a successful sign-in clears its account's count.
 */
public class SignInThrottle {
    private final JdbcTemplate jdbc;
    private final int maxPerAccount;
    private final int maxPerClient;
    private final Duration window;
    private final Duration lock;
    private final Clock clock;

    public SignInThrottle(DataSource dataSource, int maxPerAccount, int maxPerClient, Duration window, Duration lock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.maxPerAccount = maxPerAccount;
        this.maxPerClient = maxPerClient;
        this.window = window;
        this.lock = lock;
        this.clock = Clock.systemUTC();
    }

    static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    static String clientKey(String address) {
        return "client:" + address;
    }

    /** How long the account or the client is still refused; empty when neither is. */
    public Optional<Duration> lockedFor(String username, String client) {
        long now = clock.millis();
        List<String> keys = keys(username, client);
        // one query per request that signs in: the account's key and the client's (the client's twice when no name)
        Long until = jdbc.queryForObject("SELECT MAX(locked_until) FROM sign_in_failure WHERE throttle_key IN (?, ?)",
                Long.class, keys.get(0), keys.get(keys.size() - 1));
        return until != null && until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    public void failed(String username, String client) {
        for (String key : keys(username, client)) {
            count(key, key.startsWith("account:") ? maxPerAccount : maxPerClient);
        }
    }

    public void succeeded(String username) {
        if (username != null) {
            jdbc.update("DELETE FROM sign_in_failure WHERE throttle_key = ?", accountKey(username));
        }
    }

    private List<String> keys(String username, String client) {
        return username == null || username.isBlank() ? List.of(clientKey(client))
                : List.of(accountKey(username), clientKey(client));
    }

    /** One more failure for the key, in one statement per step so that two nodes do not lose a count. */
    private void count(String key, int max) {
        long now = clock.millis();
        int updated = jdbc.update("UPDATE sign_in_failure SET failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END, "
                + "window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END WHERE throttle_key = ?",
                now - window.toMillis(), now - window.toMillis(), now, key);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO sign_in_failure (throttle_key, failures, window_start, locked_until) VALUES (?, 1, ?, 0)",
                        key, now);
            } catch (DuplicateKeyException raced) {
                count(key, max);
                return;
            }
        }
        jdbc.update("UPDATE sign_in_failure SET locked_until = ? WHERE throttle_key = ? AND failures >= ?",
                now + lock.toMillis(), key, max);
    }
}
