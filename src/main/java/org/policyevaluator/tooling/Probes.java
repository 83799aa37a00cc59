package org.policyevaluator.tooling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldType;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;
import tools.jackson.databind.node.ObjectNode;

/**
 * Probe applications that span the domain of every field of the schema: two bases (one declaring as much
 * as scores, one declaring almost nothing but the first technology area), each varied one field at a
 * time over values across the field's range, every band threshold of a rule that measures it (and just
 * either side), each code, and "not declared". A rule that fires on none of them cannot fire on any
 * ordinary application. The domains come from the schema and the tables, so a field or code added in
 * rules/ is probed without a change here.
 */
final class Probes {
    private Probes() {
    }

    static List<Application> applications(RuleBase ruleBase) {
        ApplicationSchema schema = ruleBase.schema();
        ApplicationEditor editor = new ApplicationEditor(ruleBase);
        Map<String, List<Object>> domains = domains(ruleBase);
        Application empty = empty(ruleBase);
        List<Change> richChanges = new ArrayList<>();
        for (FieldDef f : schema.fields()) {
            Object best = best(ruleBase, f, domains.get(f.path()));
            if (best != null && !f.path().startsWith("budget.")) {
                richChanges.add(new Change(f.path(), best));
            }
        }
        Application rich = apply(editor, empty, richChanges);
        Application bare = editor.apply(empty, List.of(new Change("techAreas",
                List.of(schema.field("techAreas").codes().values().get(0)))));

        List<Application> probes = new ArrayList<>(List.of(rich, bare));
        for (Application base : List.of(rich, bare)) {
            for (var v : domains.entrySet()) {
                for (Object value : v.getValue()) {
                    try {
                        probes.add(editor.apply(base, List.of(new Change(v.getKey(), value))));
                    } catch (ApplicationEditor.InvalidChange skip) {
                        // a value outside what intake accepts is no probe
                    }
                }
            }
        }
        return probes;
    }

    /** The least an application declares: what the schema requires, made valid. */
    private static Application empty(RuleBase ruleBase) {
        ObjectNode json = JsonIntake.mapper().createObjectNode();
        json.put("applicationId", "PROBE").put("title", "probe");
        json.putObject("applicant").put("name", "probe").put("creditCode", "91350100M000100Y43");
        json.putObject("budget").put("total", 1000).put("requested", 400);
        var read = ruleBase.reader().read(json, "$");
        if (!read.ok()) {
            throw new IllegalStateException("the schema refuses the bare probe application: "
                    + ruleBase.problemTexts().line(read.problems().get(0), "en"));
        }
        return read.application();
    }

    /** Changes one at a time, skipping those the application cannot take. */
    private static Application apply(ApplicationEditor editor, Application base, List<Change> changes) {
        Application app = base;
        for (Change c : changes) {
            try {
                app = editor.apply(app, List.of(c));
            } catch (ApplicationEditor.InvalidChange skip) {
                // leave the field as it was
            }
        }
        return app;
    }

    /**
     * A value that scores as much as a field can: yes, every code, the top band of a rule that measures it, a
     * whole share.
     */
    private static Object best(RuleBase ruleBase, FieldDef f, List<Object> domain) {
        return switch (f.type()) {
            case BOOLEAN -> true;
            case CODE -> f.codes().values().get(0);
            case CODE_LIST -> f.codes().values();
            case ITEMS -> domain.isEmpty() ? null : domain.get(0);
            case NUMBER, INTEGER -> {
                Double top = null;
                for (Band b : bands(ruleBase, f.path())) {
                    if (top == null || b.points().compareTo(java.math.BigDecimal.ZERO) > 0
                            && (">=".equals(b.op()) ? b.threshold() > top : b.threshold() < top)) {
                        top = b.threshold();
                    }
                }
                if (top == null) {
                    yield f.isShare() ? (Object) 1.0 : null;
                }
                yield f.type() == FieldType.INTEGER ? (Object) (int) Math.ceil(top) : top;
            }
            case TEXT -> null;
        };
    }

    /** Every banded row, in any programme, of the rules whose @measure is the field. */
    private static List<Band> bands(RuleBase ruleBase, String path) {
        List<Band> out = new ArrayList<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (path.equals(r.measure())) {
                for (Programme p : ruleBase.tables().programmes().values()) {
                    ruleBase.tables().bands(r.id(), p.id()).stream().filter(Band::banded).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The values each field is probed with. */
    private static Map<String, List<Object>> domains(RuleBase ruleBase) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (FieldDef f : ruleBase.schema().fields()) {
            List<Object> values = new ArrayList<>();
            switch (f.type()) {
                case BOOLEAN -> values.addAll(List.of(true, false));
                case CODE -> values.addAll(f.codes().values());
                case CODE_LIST -> {
                    List<String> codes = f.codes().values();
                    codes.forEach(c -> values.add(List.of(c)));
                    for (int n = 0; n <= codes.size(); n++) {
                        values.add(List.copyOf(codes.subList(0, n)));
                    }
                }
                case NUMBER, INTEGER -> values.addAll(numbers(ruleBase, f));
                case ITEMS -> values.addAll(items(ruleBase.tables(), f));
                case TEXT -> { }
            }
            if (!f.required()) {
                values.add(null); // not declared
            }
            m.put(f.path(), values);
        }
        return m;
    }

    /** Across the field's range, and each band threshold of a rule that measures it, with a step either side. */
    private static List<Object> numbers(RuleBase ruleBase, FieldDef f) {
        Set<Double> values = new LinkedHashSet<>();
        double min = f.minimum() == null ? 0 : f.minimum();
        if (f.isShare()) {
            for (int i = 0; i <= 20; i++) {
                values.add(i / 20.0);
            }
        } else {
            for (double step : new double[] {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.8, 1.5}) {
                values.add(min + step);
            }
            for (double v : new double[] {1, 2, 3, 5, 6, 10, 12, 15, 20, 24, 30, 36, 50, 72, 80, 81, 90, 100, 200, 300, 500,
                    600, 999, 1000, 1001, 5000, 10_000, 100_000, 1_000_000, 10_000_000}) {
                values.add(v);
            }
        }
        for (Band b : bands(ruleBase, f.path())) {
            double t = b.threshold();
            double step = f.type() == FieldType.INTEGER ? 1 : Math.max(Math.abs(t) * 0.01, 0.001);
            values.add(t - step);
            values.add(t);
            values.add(t + step);
        }
        List<Object> out = new ArrayList<>();
        for (double v : values) {
            boolean inRange = (f.minimum() == null || (f.exclusiveMinimum() ? v > f.minimum() : v >= f.minimum()))
                    && (f.maximum() == null || v <= f.maximum());
            if (!inRange) {
                continue;
            }
            if (f.type() == FieldType.INTEGER) {
                if (v == Math.rint(v)) {
                    out.add((int) v);
                }
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * A list of objects with a model and a count (the chip inventory): a domestic model, a foreign one, both,
     * one the registry does not know, none.
     */
    private static List<Object> items(PolicyTables tables, FieldDef f) {
        if (f.itemField("model") == null || f.itemField("count") == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        var domestic = tables.chips().stream().filter(PolicyTables.ChipModel::domestic).findFirst();
        var foreign = tables.chips().stream().filter(c -> !c.domestic()).findFirst();
        domestic.ifPresent(d -> out.add(List.of(chip(d.model(), 10))));
        foreign.ifPresent(c -> out.add(List.of(chip(c.model(), 10))));
        if (domestic.isPresent() && foreign.isPresent()) {
            out.add(List.of(chip(domestic.get().model(), 10), chip(foreign.get().model(), 10)));
        }
        out.add(List.of(chip("Mystery X1", 3)));
        out.add(List.of());
        return out;
    }

    private static Map<String, Object> chip(String model, int count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("count", count);
        return m;
    }
}
