package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.batch.SyntheticApplications;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.rules.RuleBase;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch that outlasts the request timeout (1 ms here; the server notices within about a second) is
 * answered 202 with its status URL, not 503, and goes on to be stored once; a retry with its
 * Idempotency-Key meanwhile is pointed to the same submission, and after it gets the stored answer.
 */
@TestPropertySource(properties = {"pe.web.request-timeout=1ms", "pe.web.max-upload=30MB"})
class SubmissionTimeoutTest extends WebTest {

    @Test
    void submitWhenTheBatchOutlastsTheRequestTimeoutShouldAnswer202AndStoreItOnce() throws Exception {
        account("slow-ana", "APPLICANT");
        List<ObjectNode> apps = SyntheticApplications.generate(RuleBase.bundled().schema(), 3000, 7);
        String body = JsonIntake.mapper().writeValueAsString(apps);

        HttpResponse<String> r = submit("slow-ana", body, "Idempotency-Key", "round-2026-large");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.headers().firstValue("Preference-Applied")).isEmpty();
        String location = r.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> retry = submit("slow-ana", body, "Idempotency-Key", "round-2026-large");
        if (retry.statusCode() == 202) { // the first is still at work: the same submission
            assertThat(retry.headers().firstValue("Location")).hasValue(location);
        } else { // it finished meanwhile: its answer
            assertThat(retry.statusCode()).isEqualTo(200);
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }

        JsonNode done = finished(location, "slow-ana");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        JsonNode batches = json(send("GET", "/api/batches", "slow-ana", null));
        assertThat(batches.size()).isEqualTo(1);
        assertThat(batches.get(0).get("batchId").asString()).isEqualTo(done.get("batchId").asString());
        assertThat(batches.get(0).get("evaluatedCount").asInt()).isEqualTo(3000);

        // the key keeps the answer once it is worded, a moment after the batch is stored: until then, 202 again
        HttpResponse<String> after = submit("slow-ana", body, "Idempotency-Key", "round-2026-large");
        for (int i = 0; i < 100 && after.statusCode() == 202; i++) {
            assertThat(after.headers().firstValue("Location")).hasValue(location);
            Thread.sleep(100);
            after = submit("slow-ana", body, "Idempotency-Key", "round-2026-large");
        }
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(after).get("batchId").asString()).isEqualTo(done.get("batchId").asString());
        assertThat(json(send("GET", "/api/batches", "slow-ana", null)).size()).isEqualTo(1);
        assertThat(json(send("GET", "/api/audit/verify", ADMIN, null)).get("intact").asBoolean()).isTrue();
    }
}
