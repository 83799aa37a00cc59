package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A client that retries with its Idempotency-Key gets the first answer and stores nothing twice. */
class IdempotencyTest extends WebTest {

    private HttpResponse<String> submit(String user, String key, String body) throws Exception {
        return PLAIN.send(request(user, key, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String user, String key, String body) {
        return HttpRequest.newBuilder(uri("/api/evaluations?lang=en&suggestions=false"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user))
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private int batches(String user) throws Exception {
        return json(send("GET", "/api/batches", user, null)).size();
    }

    @Test
    void submitWhenRepeatedWithTheSameKeyShouldAnswerTheFirstAnswerAndStoreOnce() throws Exception {
        account("idem-ana", "APPLICANT");
        String body = sample("green-textile-factory.json");
        HttpResponse<String> first = submit("idem-ana", "order-2026-0001", body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        HttpResponse<String> again = submit("idem-ana", "order-2026-0001", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(batches("idem-ana")).isEqualTo(1);
        // the same key for another request is refused; another key stores anew
        HttpResponse<String> other = submit("idem-ana", "order-2026-0001", sample("ai-chip-little-giant.json"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("detail").asString())
                .isEqualTo("this idempotency key was used for a different request: each request takes a key of its own");
        assertThat(submit("idem-ana", "order-2026-0002", body).statusCode()).isEqualTo(200);
        assertThat(batches("idem-ana")).isEqualTo(2);
        // keys are the submitter's own: another account's same key is another request
        account("idem-bo", "APPLICANT");
        assertThat(submit("idem-bo", "order-2026-0001", body).headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void submitWhenRepeatedConcurrentlyShouldStoreOnceAndPointTheOthersToTheFirst() throws Exception {
        account("idem-cy", "APPLICANT");
        String body = sample("batch-with-rejected-applications.json");
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(PLAIN.sendAsync(request("idem-cy", "retry-storm", body), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        int firstAnswers = 0;
        for (var f : all) {
            HttpResponse<String> r = f.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 200 && r.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                firstAnswers++;
            }
            if (r.statusCode() == 409) { // the first had not started its submission yet
                assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
            }
            if (r.statusCode() == 202) { // pointed to the first one's submission
                assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/api/submissions/");
            }
        }
        assertThat(statuses).isSubsetOf(200, 202, 409); // a late one may find the first answered: a replay
        assertThat(firstAnswers).isEqualTo(1);
        assertThat(batches("idem-cy")).isEqualTo(1);
        assertThat(submit("idem-cy", "retry-storm", body).headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void submitWhenTheKeyIsNotVisibleAsciiShouldAnswer400() throws Exception {
        account("idem-dee", "APPLICANT");
        HttpResponse<String> r = submit("idem-dee", "x".repeat(201), sample("green-textile-factory.json"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(batches("idem-dee")).isZero();
    }
}
