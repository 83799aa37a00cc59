package org.policyevaluator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.policyevaluator.account.Account;
import org.policyevaluator.review.OverrideRules;
import org.policyevaluator.store.AuditChain;
import org.policyevaluator.store.Checkpoint;
import org.policyevaluator.store.CheckpointSigner;
import org.policyevaluator.store.EvaluationStore;
import org.policyevaluator.store.Replayer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stored evaluations and batches, overrides, replay and the audit chain (docs/store.md). Every read
 * goes through {@link StoredBatches}, which answers 404 for what the caller may not see.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "store", description = "Stored evaluations and batches, reviewer overrides, replay, audit chain")
class StoreApi {

    private final StoredBatches stored;
    private final Evaluations evaluations;
    private final Replayer replayer;
    private final CheckpointSigner signer;
    private final ResultPages results;

    StoreApi(StoredBatches stored, Evaluations evaluations, Replayer replayer,
             CheckpointSigner signer, ResultPages results) {
        this.results = results;
        this.signer = signer;
        this.stored = stored;
        this.evaluations = evaluations;
        this.replayer = replayer;
    }

    private Account me(Principal principal) {
        // the filter chain lets only signed-in users through to here
        return stored.viewer(principal).orElseThrow(() -> WebProblem.of(HttpStatus.UNAUTHORIZED,
                "error.title.unauthorized", "error.unauthorized.gone"));
    }

    @Operation(summary = "A stored evaluation as a Word document (A4, zh or en): the self-assessment report, or for the "
            + "panel (chairs, its reviewers, admins, auditors) the evaluation summary report with the reviews and consensus")
    @GetMapping(path = "/evaluations/{id}/report.docx", produces = {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(required = false) String lang,
                                  Principal principal) {
        Account me = me(principal);
        EvaluationStore.StoredEvaluation s = stored.evaluation(id, me);
        Evaluations.Batch batch = stored.asBatch(new StoredBatches.Loaded(stored.batch(s.batchId(), me).batch(), false,
                List.of(s)), Evaluations.lang(lang));
        return results.docx(batch, 0, stored.panelPart(s, me));
    }

    @Operation(summary = "A stored evaluation: the engine's result, the overrides beside it, ruleset version, input hash")
    @GetMapping(path = "/evaluations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    StoredBatches.StoredView evaluation(@PathVariable String id, Principal principal) {
        return stored.view(stored.evaluation(id, me(principal)));
    }

    @Operation(summary = "The stored batches the caller may see, newest first")
    @GetMapping(path = "/batches", produces = MediaType.APPLICATION_JSON_VALUE)
    List<StoredBatches.BatchSummary> batches(Principal principal) {
        return stored.batches(me(principal));
    }

    @Operation(summary = "A stored batch's ranking (JSON), or its evaluation workbook with the overrides (format=xlsx)")
    @GetMapping(path = "/batches/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, EvaluationApi.XLSX_VALUE})
    ResponseEntity<?> batch(@PathVariable String id, @RequestParam(required = false) String format,
                            @RequestParam(required = false) String lang,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Principal principal) {
        Account me = me(principal);
        StoredBatches.Loaded loaded = stored.batch(id, me);
        if (EvaluationApi.wantsWorkbook(format, accept)) {
            String l = lang == null ? loaded.batch().lang() : Evaluations.lang(lang);
            return EvaluationApi.workbook(stored.workbook(loaded, l, me));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stored.view(loaded));
    }

    @Operation(summary = "Re-evaluate a stored evaluation with its stored ruleset: {\"identical\": true} or the differences")
    @PostMapping(path = "/evaluations/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    Replayer.Result replay(@PathVariable String id, Principal principal) {
        return replayer.replay(stored.evaluation(id, me(principal)).evaluationId());
    }

    @Operation(summary = "The audit log's size and Merkle root now, signed with the key kept outside the database "
            + "(any signed-in account): save it, and verify --checkpoint proves later that the log still begins with it")
    @GetMapping(path = "/audit/checkpoint", produces = MediaType.APPLICATION_JSON_VALUE)
    Checkpoint checkpoint() {
        return stored.store().checkpoint(signer);
    }

    @Operation(summary = "That a stored evaluation is in the audit log: its leaf, the audit path and a signed checkpoint "
            + "(RFC 9162 inclusion proof; whoever may read the evaluation)")
    @GetMapping(path = "/evaluations/{id}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    Checkpoint.InclusionProof proof(@PathVariable String id, Principal principal) {
        String evaluationId = stored.evaluation(id, me(principal)).evaluationId();
        return stored.store().inclusionProof(evaluationId, signer)
                .orElseThrow(() -> WebProblem.notFound("evaluation", id));
    }

    @Operation(summary = "Recompute the audit chain; names the first broken record (auditors and admins)")
    @GetMapping(path = "/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditChain.Report verify() {
        return stored.store().verify();
    }

    @Operation(summary = "A reviewer's override beside the engine's result (reviewers of the programme, admins)",
            description = "Body: {\"targetKind\": \"DIMENSION\"|\"ELIGIBILITY\", \"target\": \"green\", \"ruleId\": "
                    + "\"GR-010\", \"newValue\": \"10\", \"justification\": \"why, naming the finding or gate\"}")
    @PostMapping(path = "/evaluations/{id}/overrides", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvaluationStore.Override> override(@PathVariable String id, @RequestBody OverrideRules.Request body,
                                                      Principal principal) {
        EvaluationStore.Override o = stored.override(id, me(principal), body);
        return ResponseEntity.created(URI.create("/api/evaluations/" + id)).body(o);
    }
}
