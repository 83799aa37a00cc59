package org.policyevaluator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyevaluator.account.Account;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.WhatIf;
import java.util.regex.Pattern;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.store.Hashes;
import org.policyevaluator.store.IdempotencyKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Evaluations over HTTP: the same {@link BatchResult} as {@code evaluate} on the command line. Work runs
 * under the MVC async timeout ({@code pe.web.request-timeout}); a late answer is a 503 problem.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "evaluations", description = "Evaluate applications, what-if, the workbook and the template")
class EvaluationApi {
    static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    private final Evaluations evaluations;
    private final StoredBatches stored;
    private final DataSize maxUpload;
    private final IdempotencyKeys keys;

    EvaluationApi(Evaluations evaluations, StoredBatches stored, @Value("${pe.web.max-upload}") DataSize maxUpload,
                  IdempotencyKeys keys) {
        this.keys = keys;
        this.evaluations = evaluations;
        this.stored = stored;
        this.maxUpload = maxUpload;
    }

    @Operation(summary = "Evaluate one application, an array of them, or {\"applications\": [...]}",
            description = "200 with evaluations and rejected applications (as the CLI's exit 3 when some are "
                    + "rejected); 400 problem when the body is unusable or no application can be evaluated.")
    @PostMapping(path = "/evaluations", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = {MediaType.APPLICATION_JSON_VALUE, XLSX_VALUE})
    Callable<ResponseEntity<?>> evaluateJson(InputStream body,
            @Parameter(description = "programme for every application (default: each application's own, else general)")
            @RequestParam(required = false) String program,
            @Parameter(description = "zh (default) or en") @RequestParam(required = false) String lang,
            @Parameter(description = "verified suggestions (default: true for one application, false for a batch)")
            @RequestParam(required = false) Boolean suggestions,
            @Parameter(description = "json (default) or xlsx, the evaluation workbook") @RequestParam(required = false)
            String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = "a key of the client's choosing: a repeat with it answers the first answer and stores nothing new")
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal)
            throws IOException {
        Optional<Account> submitter = submitter(principal);
        Upload upload = Upload.read("request body", body, maxUpload);
        boolean xlsx = wantsWorkbook(format, accept);
        return () -> once(submitter, idempotencyKey, upload, program, lang, suggestions, xlsx,
                () -> respond(store(evaluations.evaluate(upload, program, lang, suggestions), submitter), xlsx));
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /**
     * The request done once per Idempotency-Key of a signed-in submitter: a repeat answers the first answer
     * (with Idempotent-Replayed: true), a repeat while the first is at work 409 with Retry-After, the key
     * reused for another request 422. Without a key, or anonymous (nothing is stored), it is just done.
     */
    private ResponseEntity<?> once(Optional<Account> submitter, String key, Upload upload, String program, String lang,
                                   Boolean suggestions, boolean xlsx, Callable<ResponseEntity<?>> work) throws Exception {
        if (key == null || submitter.isEmpty()) {
            return work.call();
        }
        if (!KEY.matcher(key).matches()) {
            throw WebProblem.badParameter(IDEMPOTENCY_KEY, "error.idempotency.key", "value", key.length() > 60
                    ? key.substring(0, 60) + "…" : key);
        }
        String user = submitter.get().username();
        String request = Hashes.ofFields(program, lang, suggestions, xlsx, upload.source(), Hashes.sha256(upload.bytes()));
        var claim = keys.claim(user, key, request);
        if (claim instanceof IdempotencyKeys.Answered a) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                    .header("Idempotent-Replayed", "true").body(a.body());
        }
        if (claim instanceof IdempotencyKeys.InProgress) {
            throw new WebProblem(HttpStatus.CONFLICT, "error.title.idempotency",
                    Problem.of(null, "error.idempotency.inProgress"), List.of())
                    .withHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        if (claim instanceof IdempotencyKeys.Mismatch) {
            throw new WebProblem(HttpStatus.UNPROCESSABLE_CONTENT, "error.title.idempotency",
                    Problem.of(null, "error.idempotency.mismatch"), List.of());
        }
        ResponseEntity<?> answer;
        try {
            answer = work.call();
        } catch (Exception | Error refused) {
            keys.release(user, key);
            throw refused;
        }
        byte[] bytes = answer.getBody() instanceof byte[] b ? b : JsonReport.mapper().writeValueAsBytes(answer.getBody());
        String type = String.valueOf(answer.getHeaders().getContentType());
        keys.complete(user, key, type, bytes);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(bytes);
    }

    @Operation(summary = "Evaluate an uploaded file (JSON, XLSX or XLS) in the form field 'file'")
    @PostMapping(path = "/evaluations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, XLSX_VALUE})
    Callable<ResponseEntity<?>> evaluateUpload(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String program, @RequestParam(required = false) String lang,
            @RequestParam(required = false) Boolean suggestions, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal)
            throws IOException {
        Optional<Account> submitter = submitter(principal);
        Upload upload = new Upload(sourceName(file.getOriginalFilename()), file.getOriginalFilename(), file.getBytes());
        boolean xlsx = wantsWorkbook(format, accept);
        return () -> once(submitter, idempotencyKey, upload, program, lang, suggestions, xlsx,
                () -> respond(store(evaluations.evaluate(upload, program, lang, suggestions), submitter), xlsx));
    }

    /** A signed-in caller's evaluations are stored (an auditor's are refused); an anonymous one's are not. */
    private Optional<Account> submitter(Principal principal) {
        return stored.viewer(principal).map(StoredBatches::submitter);
    }

    private Evaluations.Batch store(Evaluations.Batch batch, Optional<Account> submitter) {
        return submitter.isPresent() ? stored.save(batch, submitter.get()) : batch;
    }

    @Operation(summary = "An application's evaluation before and after changing fields",
            description = "Body: {\"application\": {...}, \"changes\": [{\"field\": \"green.dataCenterPue\", "
                    + "\"value\": 1.2}], \"program\": \"general\", \"lang\": \"en\"}")
    @PostMapping(path = "/whatif", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Callable<WhatIf> whatIf(InputStream body) throws IOException {
        Upload upload = Upload.read("request body", body, maxUpload);
        return () -> {
            JsonNode root = JsonBodies.tree(upload);
            if (!root.isObject()) {
                throw JsonBodies.invalid(List.of(Problem.of(
                        org.policyevaluator.intake.Location.InJson.of("$"), "error.whatif.body")));
            }
            String program = evaluations.program(JsonBodies.text(root, "program", "$.program"));
            String lang = Evaluations.lang(JsonBodies.text(root, "lang", "$.lang"));
            Application app = JsonBodies.application(root.get("application"), "$.application",
                    evaluations.evaluator().ruleBase().reader());
            List<Change> changes = JsonBodies.changes(root.get("changes"), "$.changes", evaluations.evaluator().ruleBase().schema());
            return WhatIf.of(evaluations.evaluator(), app, changes, evaluations.evaluator().programFor(app, program), lang);
        };
    }

    @Operation(summary = "The blank application template (Excel)")
    @GetMapping(path = "/template.xlsx", produces = {XLSX_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("application-template.xlsx").build().toString())
                .body(evaluations.template());
    }

    private ResponseEntity<?> respond(Evaluations.Batch batch, boolean xlsx) {
        if (xlsx) {
            return workbook(evaluations.workbook(batch));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(batch.result());
    }

    static ResponseEntity<byte[]> workbook(byte[] bytes) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("evaluations.xlsx").build().toString()).body(bytes);
    }

    static boolean wantsWorkbook(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (!format.equals("json") && !format.equals("xlsx")) {
                throw WebProblem.badParameter("format", "error.param.format", "value", format);
            }
            return format.equals("xlsx");
        }
        if (accept == null) {
            return false;
        }
        for (MediaType m : MediaType.parseMediaTypes(accept)) {
            if (m.equalsTypeAndSubtype(XLSX)) {
                return true;
            }
        }
        return false;
    }

    /** The client's file name as it appears in messages: no folders, no colons (they separate the location). */
    static String sourceName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "upload";
        }
        String s = filename.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:]", "_");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
