package org.policyevaluator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationTest {

    @Test
    void applicationShouldBeTheIndexOnlyOfAnApplicationInAList() {
        assertThat(Location.InJson.of("$.applications[3]").application()).isEqualTo(3);
        assertThat(Location.InJson.of("$[0]").at("title").application()).isEqualTo(0);
        assertThat(Location.InJson.of("$").application()).isNull();
        // places in a request that are not an application's
        assertThat(Location.InJson.of("$.changes[0]").application()).isNull();
        assertThat(Location.InJson.of("lang").application()).isNull();
        assertThat(Location.InJson.of("$[]").application()).isNull();
        assertThat(Location.InJson.of("$[x]").application()).isNull();
    }

    @Test
    void pathShouldJoinRootFieldItemAndItsProperty() {
        assertThat(new Location.InJson("$.applications[3]", "compute.chips", 1, "count").path())
                .isEqualTo("$.applications[3].compute.chips[1].count");
        assertThat(Location.InJson.of("$").at("title").path()).isEqualTo("$.title");
    }
}
