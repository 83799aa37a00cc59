package org.policyevaluator.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.policyevaluator.intake.InvalidRequest;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts of the web application, in the store's database (V2__accounts.sql): user name, BCrypt
 * hash of the password, role, and a reviewer's programmes. Also the {@link UserDetailsService} that
 * Spring Security signs users in with.
 */
public class Accounts implements UserDetailsService {
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    static final int MIN_PASSWORD = 8;

    /** A user name that is taken. */
    public static class Taken extends RuntimeException {
        private final String username;

        Taken(String username) {
            super("username: an account \"" + username + "\" exists already");
            this.username = username;
        }

        public String username() {
            return username;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public Accounts(DataSource dataSource, PasswordEncoder encoder) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.encoder = encoder;
        this.clock = Clock.systemUTC();
    }

    /**
     * Creates an account. Problems are an {@link InvalidRequest} naming each field, as message keys
     * ({@code account.*}, worded by the web layer); a taken name is {@link Taken}.
     *
     * @param knownProgrammes the programmes of the ruleset, which a reviewer's programmes must be among
     */
    public Account create(String username, String password, String role, Collection<String> programs, String createdBy,
                          Set<String> knownProgrammes) {
        List<Problem> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(problem("username", "account.username"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            problems.add(problem("password", "account.password", "min", MIN_PASSWORD));
        }
        Role r = null;
        try {
            r = Role.valueOf(role == null ? "" : role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(role == null ? problem("role", "account.role.missing") : problem("role", "account.role.unknown",
                    "role", role));
        }
        Set<String> progs = new TreeSet<>(programs == null ? List.of() : programs);
        String known = String.join(", ", knownProgrammes);
        if (r == Role.REVIEWER && progs.isEmpty()) {
            problems.add(problem("programs", "account.programs.required", "programmes", known));
        }
        if (r != null && r != Role.REVIEWER && !progs.isEmpty()) {
            problems.add(problem("programs", "account.programs.notReviewer"));
        }
        for (String p : progs) {
            if (!knownProgrammes.contains(p)) {
                problems.add(problem("programs", "account.programs.unknown", "program", p, "programmes", known));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Role finalRole = r;
        String at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        tx.executeWithoutResult(status -> {
            if (find(username).isPresent()) {
                throw new Taken(username);
            }
            jdbc.update("INSERT INTO account (username, password_hash, role, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                    username, encoder.encode(password), finalRole.name(), at, createdBy);
            for (String p : progs) {
                jdbc.update("INSERT INTO reviewer_program (username, program) VALUES (?, ?)", username, p);
            }
        });
        return new Account(username, finalRole, List.copyOf(progs), at, createdBy);
    }

    private static Problem problem(String field, String key, Object... args) {
        return Problem.of(Location.InJson.of("$").at(field), key, args);
    }

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        List<Account> found = jdbc.query("SELECT * FROM account WHERE username = ?", (rs, n) -> new Account(
                rs.getString("username"), Role.valueOf(rs.getString("role")), programs(rs.getString("username")),
                rs.getString("created_at"), rs.getString("created_by")), username);
        return found.stream().findFirst();
    }

    public List<Account> all() {
        List<String> names = jdbc.queryForList("SELECT username FROM account ORDER BY username", String.class);
        List<Account> out = new ArrayList<>();
        names.forEach(n -> find(n).ifPresent(out::add));
        return out;
    }

    public boolean anyAdmin() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE role = 'ADMIN'", Integer.class);
        return n != null && n > 0;
    }

    private List<String> programs(String username) {
        return jdbc.queryForList("SELECT program FROM reviewer_program WHERE username = ? ORDER BY program", String.class,
                username);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query("SELECT username, password_hash, role FROM account WHERE username = ?",
                (rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2)).roles(rs.getString(3)).build(),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no account " + username);
        }
        return found.get(0);
    }
}
