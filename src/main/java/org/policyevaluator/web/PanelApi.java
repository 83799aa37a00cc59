package org.policyevaluator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.policyevaluator.account.Account;
import org.policyevaluator.store.PanelStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Review panels of stored batches: chairs, assignments, conflicts, expert reviews, consensus, the funding line. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "panels", description = "Review panels: assignment, conflicts of interest, expert reviews, consensus, funding line")
class PanelApi {
    private final Panels panels;
    private final StoredBatches stored;

    PanelApi(Panels panels, StoredBatches stored) {
        this.panels = panels;
        this.stored = stored;
    }

    private Account me(Principal principal) {
        return stored.viewer(principal).orElseThrow(() -> WebProblem.of(HttpStatus.UNAUTHORIZED,
                "error.title.unauthorized", "error.unauthorized.gone"));
    }

    @Operation(summary = "Name a reviewer chair of a batch (admin)", description = "Body: {\"reviewer\": \"li.wei\"}")
    @PostMapping(path = "/batches/{batchId}/chairs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PanelStore.Record> chair(@PathVariable String batchId, @RequestBody Panels.ChairRequest body,
                                            Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(panels.chair(batchId, me(principal), body));
    }

    @Operation(summary = "Assign applications of a batch to a reviewer (admin or the batch's chair)",
            description = "Body: {\"reviewer\": \"li.wei\", \"applicationIds\": [\"SF-2026-001\"]}. 409 naming each "
                    + "conflict of interest (the reviewer submitted it, works for its applicant, or declared a conflict); "
                    + "then nothing is assigned")
    @PostMapping(path = "/batches/{batchId}/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<PanelStore.Record>> assign(@PathVariable String batchId, @RequestBody Panels.Assignment body,
                                                   Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(panels.assign(batchId, me(principal), body));
    }

    @Operation(summary = "Declare a conflict of interest with an application assigned to you: the assignment ends",
            description = "Body: {\"reason\": \"...\"}")
    @PostMapping(path = "/evaluations/{evaluationId}/conflicts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PanelStore.Record> conflict(@PathVariable String evaluationId, @RequestBody Panels.ConflictRequest body,
                                               Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(panels.declareConflict(evaluationId, me(principal), body));
    }

    @Operation(summary = "Your review of an application assigned to you: a draft, or submitted with \"submit\": true",
            description = "Body: {\"dimensions\": {\"domesticCompute\": 20, ...}, \"comment\": \"...\", "
                    + "\"recommendation\": \"FUND\" | \"RESERVE\" | \"REJECT\", \"submit\": false}")
    @PutMapping(path = "/evaluations/{evaluationId}/reviews/mine", consumes = MediaType.APPLICATION_JSON_VALUE)
    Panels.ReviewView review(@PathVariable String evaluationId, @RequestBody Panels.ReviewRequest body, Principal principal) {
        return panels.review(evaluationId, me(principal), body);
    }

    @Operation(summary = "Your review of an application: the draft or what you submitted")
    @GetMapping(path = "/evaluations/{evaluationId}/reviews/mine")
    Panels.ReviewView myReview(@PathVariable String evaluationId, Principal principal) {
        return panels.myReview(evaluationId, me(principal));
    }

    @Operation(summary = "Record the consensus on an application (the batch's chair or an admin)",
            description = "Body: {\"dimensions\": {...every dimension...}, \"comment\": \"...\"}")
    @PostMapping(path = "/evaluations/{evaluationId}/consensus", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PanelStore.Record> consensus(@PathVariable String evaluationId,
                                                @RequestBody Panels.ConsensusRequest body, Principal principal) {
        return ResponseEntity.created(URI.create("/api/evaluations/" + evaluationId))
                .body(panels.consensus(evaluationId, me(principal), body));
    }

    @Operation(summary = "The panel of a batch: engine score, each reviewer's, mean, spread, normalised mean, consensus, "
            + "final score and rank (chairs, admins, auditors)")
    @GetMapping(path = "/batches/{batchId}/panel")
    Panels.PanelView panel(@PathVariable String batchId, Principal principal) {
        return panels.view(batchId, me(principal));
    }

    @Operation(summary = "Draw the funding line of a batch under a budget in 万元 (admin or the batch's chair)",
            description = "Body: {\"budget\": 1500, \"program\": \"general\"} (program needed only when the batch holds several)")
    @PostMapping(path = "/batches/{batchId}/funding", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> funding(@PathVariable String batchId, @RequestBody Panels.FundingRequest body,
                                     Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(panels.fund(batchId, me(principal), body));
    }
}
