package org.policyevaluator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.report.ProgrammeReport;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rule catalogue and the programmes, as {@code rules --format json} and {@code programs --format json} print them. */
@RestController
@RequestMapping("/api")
@Tag(name = "catalogue", description = "Rules, clauses and programmes, for auditors")
class CatalogueApi {
    private final Evaluations evaluations;

    CatalogueApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Operation(summary = "Every rule: kind, dimension, maximum points under the programme, titles, clauses and quotes")
    @GetMapping("/rules")
    CatalogueReport.Catalogue rules(@RequestParam(required = false) String program) {
        return CatalogueReport.build(evaluations.evaluator(), programOrDefault(program));
    }

    @Operation(summary = "One rule of the catalogue")
    @GetMapping("/rules/{id}")
    CatalogueReport.Entry rule(@PathVariable String id, @RequestParam(required = false) String program) {
        return CatalogueReport.build(evaluations.evaluator(), programOrDefault(program)).rules().stream()
                .filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> {
                    Problem p = Problem.of(Location.InJson.of("id"), "error.notFound.rule", "id", id);
                    return new WebProblem(HttpStatus.NOT_FOUND, "error.title.unknownRule", p.at(null), List.of(p));
                });
    }

    @Operation(summary = "The funding programmes: weights, grades, parameters, required declarations, tie-break order")
    @GetMapping("/programs")
    ProgrammeReport.Programmes programs(@RequestParam(required = false) String lang) {
        return ProgrammeReport.build(evaluations.evaluator().ruleBase(), Evaluations.lang(lang));
    }

    private String programOrDefault(String program) {
        String p = evaluations.program(program);
        return p != null ? p : evaluations.evaluator().defaultProgramme();
    }
}
