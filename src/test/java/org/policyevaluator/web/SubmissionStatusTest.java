package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A signed-in submission answered before it is done — at once when the client prefers it, else when it
 * outlasts the request timeout ({@link SubmissionTimeoutTest}) — is never left in doubt: 202 with a status URL
 * that says RUNNING, then DONE with the stored batch, or FAILED with the problem it would have been answered.
 */
class SubmissionStatusTest extends WebTest {

    @Test
    void submitWhenTheClientPrefersRespondAsyncShouldAnswer202AndTheStatusShouldLeadToTheStoredBatch() throws Exception {
        account("async-ana", "APPLICANT");
        HttpResponse<String> r = submit("async-ana", sample("green-textile-factory.json"), "Prefer", "respond-async");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/submissions/[0-9a-f-]{36}");
        assertThat(json(r).get("status").asString()).isEqualTo("RUNNING");
        assertThat(json(r).get("statusUrl").asString()).isEqualTo(location);

        JsonNode done = finished(location, "async-ana");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        String batchId = done.get("batchId").asString();
        assertThat(done.get("batchUrl").asString()).isEqualTo("/api/batches/" + batchId);
        assertThat(done.has("problem")).isFalse();
        JsonNode batch = json(send("GET", "/api/batches/" + batchId, "async-ana", null));
        assertThat(batch.get("evaluatedCount").asInt()).isEqualTo(1);
        assertThat(batch.get("ranking").get(0).get("applicationId").asString()).isEqualTo("GT-2026-013");
        assertThat(json(send("GET", "/api/audit/verify", ADMIN, null)).get("intact").asBoolean()).isTrue();
    }

    @Test
    void submitWhenAnsweredAtOnceAndEveryApplicationIsRejectedShouldRecordTheProblemItWouldHaveBeenAnswered()
            throws Exception {
        account("async-bo", "APPLICANT");
        String nothingUsable = "[{\"applicationId\": \"X-1\"}]";
        HttpResponse<String> sync = submit("async-bo", nothingUsable);
        assertThat(sync.statusCode()).isEqualTo(400);
        HttpResponse<String> r = submit("async-bo", nothingUsable, "Prefer", "respond-async");
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode failed = finished(r.headers().firstValue("Location").orElseThrow(), "async-bo");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.has("batchId")).isFalse();
        assertThat(failed.get("problem").get("status").asInt()).isEqualTo(400);
        assertThat(failed.get("problem").get("detail").asString()).isEqualTo(json(sync).get("detail").asString());
        assertThat(failed.get("problem").get("errors")).isEqualTo(json(sync).get("errors"));
        assertThat(json(send("GET", "/api/batches", "async-bo", null)).size()).isZero();
    }

    @Test
    void submissionStatusWhenAskedByAnotherAccountShouldAnswer404AndAnAdminMaySeeIt() throws Exception {
        account("async-cy", "APPLICANT");
        account("async-dee", "APPLICANT");
        HttpResponse<String> r = submit("async-cy", sample("green-textile-factory.json"), "Prefer", "respond-async");
        String location = r.headers().firstValue("Location").orElseThrow();
        finished(location, "async-cy");
        assertThat(send("GET", location, "async-dee", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", location, null, null).statusCode()).isEqualTo(401);
        assertThat(json(send("GET", location, ADMIN, null)).get("status").asString()).isEqualTo("DONE");
        HttpResponse<String> none = send("GET", "/api/submissions/no-such-id?lang=zh", "async-cy", null);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).get("detail").asString()).isEqualTo("没有编号为 no-such-id 的提交");
    }

    @Test
    void submitWhenAnonymousShouldIgnoreThePreferenceAndAnswerAtOnceStoringNothing() throws Exception {
        HttpResponse<String> r = submit(null, sample("green-textile-factory.json"), "Prefer", "respond-async");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(json(r).get("evaluations").get(0).has("evaluationId")).isFalse();
    }

    @Test
    void submitWhenAnsweredSynchronouslyShouldSayWhereItsBatchIsStored() throws Exception {
        account("async-eve", "APPLICANT");
        HttpResponse<String> r = submit("async-eve", sample("green-textile-factory.json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Location")).hasValue("/api/batches/" + json(r).get("batchId").asString());
    }
}
