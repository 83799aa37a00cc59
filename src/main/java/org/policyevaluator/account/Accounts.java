package org.policyevaluator.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.policyevaluator.intake.InvalidRequest;
import org.policyevaluator.intake.CreditCode;
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
    static final int MIN_PASSWORD = 10;
    /** BCrypt reads the first 72 bytes only: a longer password would be accepted by its prefix. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Set<String> COMMON_PASSWORDS = commonPasswords();

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
        return create(username, password, role, programs, null, createdBy, knownProgrammes);
    }

    /** As above, for an account that works for {@code organisation} (may be null): a name, and a valid credit code if any. */
    public Account create(String username, String password, String role, Collection<String> programs,
                          Organisation organisation, String createdBy, Set<String> knownProgrammes) {
        List<Problem> problems = new ArrayList<>();
        Organisation employer = null;
        if (organisation != null) {
            String orgName = organisation.name() == null ? "" : organisation.name().strip();
            String code = organisation.creditCode() == null || organisation.creditCode().isBlank() ? null
                    : organisation.creditCode().strip().toUpperCase(Locale.ROOT);
            if (orgName.isEmpty() || orgName.length() > 200) {
                problems.add(Problem.of(Location.InJson.of("$").at("organisation.name"), "account.organisation.name",
                        "max", 200));
            }
            Problem bad = code == null ? null : CreditCode.problem(code, Location.InJson.of("$").at("organisation.creditCode"));
            if (bad != null) {
                problems.add(bad);
            }
            employer = new Organisation(orgName, code);
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(problem("username", "account.username"));
        }
        if (password == null || password.strip().length() < MIN_PASSWORD) {
            problems.add(problem("password", "account.password", "min", MIN_PASSWORD));
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(problem("password", "account.password.long", "max", MAX_PASSWORD_BYTES));
        } else if (guessable(password, username)) {
            problems.add(problem("password", "account.password.common"));
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
        Organisation finalOrg = employer;
        // one account per name whatever its case: "Ana" and "ana" are the same person
        String name = username.toLowerCase(Locale.ROOT);
        String at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        tx.executeWithoutResult(status -> {
            if (find(name).isPresent()) {
                throw new Taken(name);
            }
            jdbc.update("INSERT INTO account (username, password_hash, role, created_at, created_by, organisation, "
                    + "organisation_credit_code) VALUES (?, ?, ?, ?, ?, ?, ?)", name, encoder.encode(password),
                    finalRole.name(), at, createdBy, finalOrg == null ? null : finalOrg.name(),
                    finalOrg == null ? null : finalOrg.creditCode());
            for (String p : progs) {
                jdbc.update("INSERT INTO reviewer_program (username, program) VALUES (?, ?)", name, p);
            }
            org.policyevaluator.store.AuditChain.appendAccount(jdbc, name, at);
        });
        return new Account(name, finalRole, List.copyOf(progs), finalOrg, at, createdBy);
    }

    /** A common password, the user name, one or two characters repeated, or digits only: guessed first. */
    static boolean guessable(String password, String username) {
        String p = password.strip().toLowerCase(Locale.ROOT);
        return COMMON_PASSWORDS.contains(p) || p.equalsIgnoreCase(username == null ? "" : username.strip())
                || p.chars().distinct().count() <= 2 || p.chars().allMatch(Character::isDigit);
    }

    private static Set<String> commonPasswords() {
        try (var in = Accounts.class.getResourceAsStream("/account/common-passwords.txt")) {
            Set<String> out = new java.util.HashSet<>();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> out.add(l.toLowerCase(Locale.ROOT)));
            return Set.copyOf(out);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("account/common-passwords.txt is missing from the application", e);
        }
    }

    private static Problem problem(String field, String key, Object... args) {
        return Problem.of(Location.InJson.of("$").at(field), key, args);
    }

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        // one query: a second one inside the first's row mapper held two pooled connections per call, and
        // under load every request waited for a connection that another waiting request held
        List<Account> found = jdbc.query("SELECT a.username, a.role, a.created_at, a.created_by, p.program, a.organisation, "
                + "a.organisation_credit_code FROM account a "
                + "LEFT JOIN reviewer_program p ON p.username = a.username WHERE a.username IN (?, ?) ORDER BY a.username, p.program",
                rs -> {
                    List<Account> one = new ArrayList<>();
                    List<String> programs = new ArrayList<>();
                    String[] row = null;
                    while (rs.next()) {
                        if (row == null) {
                            row = new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(6), rs.getString(7)};
                        }
                        if (rs.getString(5) != null && rs.getString(1).equals(row[0])) {
                            programs.add(rs.getString(5));
                        }
                    }
                    if (row != null) {
                        Organisation org = row[4] == null ? null : new Organisation(row[4], row[5]);
                        one.add(new Account(row[0], Role.valueOf(row[1]), List.copyOf(programs), org, row[2], row[3]));
                    }
                    return one;
                }, username.toLowerCase(Locale.ROOT), username);
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

    @Override
    public UserDetails loadUserByUsername(String username) {
        // names are kept in lower case (an account made before that is found as it was written): the key's index serves
        List<UserDetails> found = jdbc.query("SELECT username, password_hash, role FROM account WHERE username IN (?, ?) "
                        + "ORDER BY username", (rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3)).build(), username.toLowerCase(Locale.ROOT), username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no account " + username);
        }
        return found.get(0);
    }
}
