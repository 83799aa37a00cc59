package org.policyevaluator.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.RuleBase;

/** The funding programmes as the CLI ({@code programs}) and the web ({@code /api/programs}) show them. */
public final class ProgrammeReport {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ProgrammeView(String id, String name, Map<String, BigDecimal> weights, Map<String, BigDecimal> grades,
                                Map<String, Double> parameters, List<String> requiredFields,
                                List<String> requiredSectors, List<String> tieBreak) {
    }

    public record Programmes(String rulesetVersion, List<ProgrammeView> programs) {
    }

    private ProgrammeReport() {
    }

    public static Programmes build(RuleBase rb, String lang) {
        List<ProgrammeView> views = new ArrayList<>();
        for (Programme p : rb.tables().programmes().values()) {
            views.add(new ProgrammeView(p.id(), p.name(lang), p.weights(), p.grades(), p.parameters(),
                    p.requiredFields(), p.requiredSectors(), p.tieBreak()));
        }
        return new Programmes(rb.version(), views);
    }
}
