package org.policyevaluator.web;

import org.policyevaluator.store.TestDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole panel flow of {@link PanelApiTest} again, with the service's store on PostgreSQL. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its server and pool go when the class is done
class PanelApiPostgresTest extends PanelApiTest {
    static final TestDatabases.Database DB = TestDatabases.postgres();

    static {
        // dropped when the tests' JVM ends, after the context that uses it is closed
        Runtime.getRuntime().addShutdownHook(new Thread(DB::close));
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::user);
        registry.add("spring.datasource.password", () -> "");
    }
}
