package org.policyevaluator.account;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first administrator, as Keycloak makes it: from {@code PE_ADMIN_USER} and {@code PE_ADMIN_PASSWORD}
 * when both are set (created once, when that account does not exist), otherwise — only while no admin
 * exists — an account {@code admin} with a generated password printed once on standard output.
 */
public final class AdminBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final PrintStream out;

    public AdminBootstrap(Accounts accounts, PrintStream out) {
        this.accounts = accounts;
        this.out = out;
    }

    /** Ensures an admin exists; returns the generated password when one was made, else null. */
    public String run(String user, String password, Set<String> programmes) {
        boolean hasUser = user != null && !user.isBlank();
        boolean hasPassword = password != null && !password.isBlank();
        if (hasUser && hasPassword) {
            var existing = accounts.find(user);
            if (existing.isEmpty()) {
                accounts.create(user, password, Role.ADMIN.name(), List.of(), "PE_ADMIN_USER", programmes);
                log.info("created the admin account \"{}\" from PE_ADMIN_USER", user);
            } else if (existing.get().role() != Role.ADMIN) {
                log.warn("PE_ADMIN_USER names \"{}\", an account with the role {}: left as it is", user, existing.get().role());
            }
            return null;
        }
        if (hasUser || hasPassword) {
            log.warn("PE_ADMIN_USER and PE_ADMIN_PASSWORD are used together; only one is set, so both are ignored");
        }
        if (accounts.anyAdmin()) {
            return null;
        }
        String name = accounts.find("admin").isEmpty() ? "admin" : "admin-" + random(4).toLowerCase();
        String generated = random(18);
        accounts.create(name, generated, Role.ADMIN.name(), List.of(), "generated at start", programmes);
        out.println();
        out.println("No administrator account existed: created \"" + name + "\" with the password");
        out.println();
        out.println("    " + generated);
        out.println();
        out.println("It is shown this once only. Sign in with it and create the other accounts (POST /api/users);");
        out.println("set PE_ADMIN_USER and PE_ADMIN_PASSWORD before the first start to choose them instead.");
        out.println();
        out.flush();
        return generated;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', 'x').replace('_', 'y');
    }
}
