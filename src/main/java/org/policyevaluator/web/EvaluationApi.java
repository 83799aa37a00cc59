package org.policyevaluator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Role;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.WhatIf;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.store.Hashes;
import org.policyevaluator.store.IdempotencyKeys;
import org.policyevaluator.store.Submissions;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Evaluations over HTTP: the same {@link BatchResult} as {@code evaluate} on the command line. Work runs
 * under the MVC async timeout ({@code pe.web.request-timeout}): a signed-in submission that outlasts it is
 * answered 202 with its status URL and goes on; an anonymous one (nothing is stored) is answered 503.
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
    private final Upload.Pace pace;
    private final IdempotencyKeys keys;
    private final Submissions submissions;
    private final ProblemHandling problems;
    private final TaskExecutor executor;

    EvaluationApi(Evaluations evaluations, StoredBatches stored, @Value("${pe.web.max-upload}") DataSize maxUpload,
                  @Value("${pe.web.min-upload-rate}") DataSize minUploadRate,
                  @Value("${pe.web.upload-grace}") Duration uploadGrace, IdempotencyKeys keys, Submissions submissions,
                  ProblemHandling problems, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.keys = keys;
        this.submissions = submissions;
        this.problems = problems;
        this.executor = executor;
        this.evaluations = evaluations;
        this.stored = stored;
        this.maxUpload = maxUpload;
        this.pace = new Upload.Pace(minUploadRate, uploadGrace);
    }

    @Operation(summary = "Evaluate one application, an array of them, or {\"applications\": [...]}",
            description = "200 with evaluations and rejected applications (as the CLI's exit 3 when some are "
                    + "rejected); 400 problem when the body is unusable or no application can be evaluated. A signed-in "
                    + "submission that outlasts the request timeout, or sent with Prefer: respond-async, is answered 202 "
                    + "with Location: /api/submissions/{id}, which leads to the stored batch.")
    @PostMapping(path = "/evaluations", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = {MediaType.APPLICATION_JSON_VALUE, XLSX_VALUE})
    DeferredResult<ResponseEntity<?>> evaluateJson(InputStream body,
            @Parameter(description = "programme for every application (default: each application's own, else general)")
            @RequestParam(required = false) String program,
            @Parameter(description = "zh (default) or en") @RequestParam(required = false) String lang,
            @Parameter(description = "verified suggestions (default: true for one application, false for a batch)")
            @RequestParam(required = false) Boolean suggestions,
            @Parameter(description = "json (default) or xlsx, the evaluation workbook") @RequestParam(required = false)
            String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = "a key of the client's choosing: a repeat with it answers the first answer and stores nothing new")
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Parameter(description = "respond-async: answer 202 with the submission's status URL at once")
            @RequestHeader(value = PREFER, required = false) String prefer,
            @Parameter(description = "a name for the stored batch (signed-in submissions), at most 200 characters")
            @RequestParam(required = false) String name, Principal principal)
            throws IOException {
        Optional<Account> submitter = submitter(principal);
        String batchName = StoredBatches.batchName(name);
        Upload upload = Upload.read("request body", body, maxUpload, pace);
        return submit(submitter, idempotencyKey, prefer, upload, program, lang, suggestions, wantsWorkbook(format, accept),
                batchName);
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PREFER = "Prefer";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern RESPOND_ASYNC = Pattern.compile("(?i)(^|[,;\\s])respond-async($|[,;\\s=])");

    /**
     * Evaluates on the task executor, so that the request thread is free and the answer can be given at a time
     * of our choosing. An anonymous request is just evaluated (nothing is stored; a late answer is a 503). A
     * signed-in submission is started first ({@link Submissions}): if it outlasts the request timeout, or the
     * client sent {@code Prefer: respond-async}, it is answered 202 with {@code Location:
     * /api/submissions/{id}}, and the work goes on to store the batch, or to record why it could not.
     * With an Idempotency-Key the first answer is kept: a repeat gets it (Idempotent-Replayed: true), a repeat
     * while the first is at work 202 with the same submission, the key reused for another request 422.
     */
    private DeferredResult<ResponseEntity<?>> submit(Optional<Account> submitter, String key, String prefer, Upload upload,
                                                     String program, String lang, Boolean suggestions, boolean xlsx,
                                                     String name) {
        DeferredResult<ResponseEntity<?>> answer = new DeferredResult<>();
        String l = Evaluations.lang(lang);
        if (submitter.isEmpty()) {
            executor.execute(() -> {
                try {
                    answer.setResult(respond(evaluations.evaluate(upload, program, lang, suggestions), xlsx));
                } catch (Throwable e) {
                    answer.setErrorResult(e);
                }
            });
            return answer;
        }
        Account account = submitter.get();
        String user = account.username();
        if (key != null) {
            if (!KEY.matcher(key).matches()) {
                throw WebProblem.badParameter(IDEMPOTENCY_KEY, "error.idempotency.key", "value", key.length() > 60
                        ? key.substring(0, 60) + "…" : key);
            }
            String request = Hashes.ofFields(program, lang, suggestions, xlsx, upload.source(), Hashes.sha256(upload.bytes()),
                    name);
            var claim = keys.claim(user, key, request);
            if (claim instanceof IdempotencyKeys.Answered a) {
                answer.setResult(ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                        .header("Idempotent-Replayed", "true").body(a.body()));
                return answer;
            }
            if (claim instanceof IdempotencyKeys.InProgress p) {
                if (p.submissionId() == null) {
                    throw new WebProblem(HttpStatus.CONFLICT, "error.title.idempotency",
                            Problem.of(null, "error.idempotency.inProgress"), List.of())
                            .withHeader(HttpHeaders.RETRY_AFTER, "5");
                }
                answer.setResult(accepted(p.submissionId()));
                return answer;
            }
            if (claim instanceof IdempotencyKeys.Mismatch) {
                throw new WebProblem(HttpStatus.UNPROCESSABLE_CONTENT, "error.title.idempotency",
                        Problem.of(null, "error.idempotency.mismatch"), List.of());
            }
        }
        String submission;
        try {
            StoredBatches.submitter(account);
            submission = submissions.start(user);
            if (key != null) {
                keys.attach(user, key, submission);
            }
        } catch (RuntimeException refused) {
            if (key != null) {
                keys.release(user, key);
            }
            throw refused;
        }
        if (prefer != null && RESPOND_ASYNC.matcher(prefer).find()) {
            ResponseEntity<?> now = accepted(submission);
            answer.setResult(ResponseEntity.status(now.getStatusCode()).headers(now.getHeaders())
                    .header("Preference-Applied", "respond-async").body(now.getBody()));
        } else {
            answer.onTimeout(() -> answer.setResult(accepted(submission)));
        }
        executor.execute(() -> answer.setResult(work(account, key, submission, upload, program, lang, l, suggestions, xlsx,
                name)));
        return answer;
    }

    /** A signed-in submission evaluated and stored: its answer, which its status in the store agrees with. */
    private ResponseEntity<?> work(Account account, String key, String submission, Upload upload, String program,
                                   String lang, String l, Boolean suggestions, boolean xlsx, String name) {
        String user = account.username();
        try {
            Evaluations.Batch batch = stored.save(evaluations.evaluate(upload, program, lang, suggestions), account, submission,
                    name);
            ResponseEntity<?> r = respond(batch, xlsx);
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(r.getHeaders());
            headers.set(HttpHeaders.CONTENT_LOCATION, "/api/batches/" + batch.result().batchId());
            if (key == null) {
                return ResponseEntity.status(r.getStatusCode()).headers(headers).body(r.getBody());
            }
            byte[] bytes = r.getBody() instanceof byte[] b ? b : JsonReport.mapper().writeValueAsBytes(r.getBody());
            keys.complete(user, key, String.valueOf(r.getHeaders().getContentType()), bytes);
            return ResponseEntity.status(r.getStatusCode()).headers(headers).body(bytes);
        } catch (Throwable e) {
            ResponseEntity<ProblemDetail> problem = problems.answer(e, l);
            try {
                submissions.markFailed(submission, problem.getStatusCode().value(),
                        JsonReport.mapper().writeValueAsString(ProblemHandling.body(problem.getBody())));
                if (key != null) {
                    keys.release(user, key); // nothing was stored: a corrected repeat may use the key
                }
            } catch (RuntimeException storeDown) {
                LoggerFactory.getLogger(EvaluationApi.class).warn("submission {} failed and could not be marked: {}",
                        submission, storeDown.toString());
            }
            return problem;
        }
    }

    /** 202: the submission goes on; its status, and its batch once stored, at the Location. */
    private static ResponseEntity<?> accepted(String submission) {
        String url = "/api/submissions/" + submission;
        return ResponseEntity.accepted().location(URI.create(url)).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new SubmissionView(submission, Submissions.State.RUNNING.name(), null, null, url, null, null, null));
    }

    /** A submission as its submitter sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubmissionView(String submissionId, String status, String submittedAt, String finishedAt, String statusUrl,
                          String batchId, String batchUrl, JsonNode problem) {
    }

    @Operation(summary = "A submission's status: RUNNING, DONE (with its stored batch), FAILED (with the problem "
            + "it was answered) or INTERRUPTED (its node stopped; nothing was stored)")
    @GetMapping(path = "/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmissionView> submission(@PathVariable String id, Principal principal) {
        Account me = stored.viewer(principal).orElseThrow(() -> WebProblem.of(HttpStatus.UNAUTHORIZED,
                "error.title.unauthorized", "error.unauthorized.gone"));
        Submissions.Submission s = submissions.find(id)
                .filter(x -> x.submitter().equals(me.username()) || me.role() == Role.ADMIN)
                .orElseThrow(() -> WebProblem.notFound("submission", id));
        String url = "/api/submissions/" + id;
        SubmissionView view = new SubmissionView(id, s.state().name(), s.submittedAt(), s.finishedAt(), url, s.batchId(),
                s.batchId() == null ? null : "/api/batches/" + s.batchId(),
                s.problemJson() == null ? null : JsonReport.mapper().readTree(s.problemJson()));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (s.state() == Submissions.State.RUNNING) {
            ok.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return ok.body(view);
    }

    @Operation(summary = "Evaluate an uploaded file (JSON, XLSX or XLS) in the form field 'file'")
    @PostMapping(path = "/evaluations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, XLSX_VALUE})
    DeferredResult<ResponseEntity<?>> evaluateUpload(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String program, @RequestParam(required = false) String lang,
            @RequestParam(required = false) Boolean suggestions, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(value = PREFER, required = false) String prefer,
            @RequestParam(required = false) String name, Principal principal)
            throws IOException {
        Optional<Account> submitter = submitter(principal);
        String batchName = StoredBatches.batchName(name);
        Upload upload = new Upload(sourceName(file.getOriginalFilename()), file.getOriginalFilename(), file.getBytes());
        return submit(submitter, idempotencyKey, prefer, upload, program, lang, suggestions, wantsWorkbook(format, accept),
                batchName);
    }

    /** A signed-in caller's evaluations are stored (an auditor's are refused); an anonymous one's are not. */
    private Optional<Account> submitter(Principal principal) {
        return stored.viewer(principal).map(StoredBatches::submitter);
    }

    @Operation(summary = "An application's evaluation before and after changing fields",
            description = "Body: {\"application\": {...}, \"changes\": [{\"field\": \"green.dataCenterPue\", "
                    + "\"value\": 1.2}], \"program\": \"general\", \"lang\": \"en\"}")
    @PostMapping(path = "/whatif", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Callable<WhatIf> whatIf(InputStream body) throws IOException {
        Upload upload = Upload.read("request body", body, maxUpload, pace);
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
