package org.policyevaluator;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Files under src/test/resources, read from the test class path. */
public final class TestResources {
    private TestResources() {
    }

    /** The test resource {@code name} (e.g. "corpus/wild-xlsx/INDEX.md") as a file; a missing one fails the test, never skips it. */
    public static Path path(String name) {
        URL url = TestResources.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new AssertionError("test resource missing: src/test/resources/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }
}
