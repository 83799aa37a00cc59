package org.policyevaluator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The policy source text, which the repository may not hold: tests that need it take it from the file
 * named by the system property {@code pe.policy-source}, else the environment variable
 * {@code PE_POLICY_SOURCE} (blank counts as unset), and are skipped with {@link #NOT_CONFIGURED} without it.
 * Use {@code @EnabledIf(value = PolicySourceText.CONFIGURED, disabledReason = PolicySourceText.NOT_CONFIGURED)}.
 */
public final class PolicySourceText {
    public static final String PROPERTY = "pe.policy-source";
    public static final String VARIABLE = "PE_POLICY_SOURCE";
    public static final String CONFIGURED = "org.policyevaluator.PolicySourceText#configured";
    public static final String NOT_CONFIGURED = "policy source text not configured: set -D" + PROPERTY + "=FILE or " + VARIABLE
            + "=FILE, the text policy-source/000_8d21f67b4fa3d2e3.txt (.ci/run sets it in CI)";

    private PolicySourceText() {
    }

    public static boolean configured() {
        return file() != null;
    }

    /** The configured file, or null. */
    public static Path file() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(VARIABLE);
        }
        return name == null || name.isBlank() ? null : Path.of(name.strip());
    }

    /** The lines of the configured source text; a configured file that cannot be read fails the test. */
    public static List<String> lines() throws IOException {
        Path file = file();
        if (file == null) {
            throw new IllegalStateException(NOT_CONFIGURED);
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
