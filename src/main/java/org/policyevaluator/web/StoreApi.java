package org.policyevaluator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.account.Account;
import org.policyevaluator.intake.InvalidRequest;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.store.AuditChain;
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

    /** A reviewer's override as posted. */
    record OverrideRequest(String targetKind, String target, String ruleId, String newValue, String justification) {
    }

    private final StoredBatches stored;
    private final Evaluations evaluations;
    private final Replayer replayer;

    StoreApi(StoredBatches stored, Evaluations evaluations, Replayer replayer) {
        this.stored = stored;
        this.evaluations = evaluations;
        this.replayer = replayer;
    }

    private Account me(Principal principal) {
        // the filter chain lets only signed-in users through to here
        return stored.viewer(principal).orElseThrow(() -> new WebProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "the account no longer exists", List.of()));
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
        StoredBatches.Loaded loaded = stored.batch(id, me(principal));
        if (EvaluationApi.wantsWorkbook(format, accept)) {
            String l = lang == null ? loaded.batch().lang() : Evaluations.lang(lang);
            return EvaluationApi.workbook(stored.workbook(loaded, l));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stored.view(loaded));
    }

    @Operation(summary = "Re-evaluate a stored evaluation with its stored ruleset: {\"identical\": true} or the differences")
    @PostMapping(path = "/evaluations/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    Replayer.Result replay(@PathVariable String id, Principal principal) {
        return replayer.replay(stored.evaluation(id, me(principal)).evaluationId());
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
    ResponseEntity<EvaluationStore.Override> override(@PathVariable String id, @RequestBody OverrideRequest body,
                                                      Principal principal) {
        EvaluationStore.Override o = addOverride(stored, id, me(principal), body);
        return ResponseEntity.created(URI.create("/api/evaluations/" + id)).body(o);
    }

    /** Checks who may override, then lets the store validate; its messages become a located 400. */
    static EvaluationStore.Override addOverride(StoredBatches stored, String id, Account me, OverrideRequest body) {
        var e = stored.evaluation(id, me);
        if (!me.mayOverride(e.program())) {
            throw StoredBatches.forbidden(switch (me.role()) {
                case AUDITOR -> "an auditor may not override evaluations: auditors change nothing";
                case APPLICANT -> "an applicant may not override evaluations: overrides are for the programme's reviewers";
                default -> "only the reviewers of the programme " + e.program() + " may override this evaluation";
            });
        }
        List<Problem> missing = new ArrayList<>();
        if (body == null) {
            body = new OverrideRequest(null, null, null, null, null);
        }
        require(missing, "targetKind", body.targetKind());
        if ("DIMENSION".equals(body.targetKind())) {
            require(missing, "target", body.target());
        }
        require(missing, "ruleId", body.ruleId());
        require(missing, "newValue", body.newValue());
        require(missing, "justification", body.justification());
        if (!missing.isEmpty()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "Invalid override", "the override lacks required fields",
                    missing);
        }
        try {
            return stored.store().addOverride(e.evaluationId(), me.username(), body.targetKind(), body.target(),
                    body.ruleId(), body.newValue(), body.justification());
        } catch (InvalidRequest ex) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "Invalid override", ex.getMessage(), ex.problems());
        }
    }

    private static void require(List<Problem> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(Problem.literal(Location.InJson.of("$").at(field), "required"));
        }
    }
}
