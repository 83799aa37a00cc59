package org.policyevaluator.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldType;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an application's claims stand on. When it is read, every reference is checked (a malformed one is a
 * located problem); when it is evaluated, each claim its programme requires evidence for is compared with
 * the valid distinct references given: a status claim without one, or a count beyond them, does not stand,
 * and the evaluation scores the application as it stands ({@link #standing}) while the points the claim
 * would bring are withheld. Thread-safe.
 */
public final class Evidence {

    /**
     * A claim that does not stand as declared: the field, the claim (the field, or field.CODE for one code of
     * a list), the kind of evidence it takes, what was declared, how many valid distinct references back it,
     * and the value the evaluation uses instead (null: not declared).
     */
    public record Withheld(String claim, String field, String kind, Object declared, int backed, Object standing) {
    }

    /** The application as its evidence lets it stand, and what was taken back; {@code application} is the same one when nothing was. */
    public record Standing(Application application, List<Withheld> withheld) {
        public boolean complete() {
            return withheld.isEmpty();
        }
    }

    private final PolicyTables tables;
    private final ApplicationSchema schema;
    private final References references;

    /**
     * Each claim of tables/evidence.csv with what it claims, worked out once: a field, or one code of a list field
     * (applicant.qualifications.LITTLE_GIANT); both null when the schema has neither.
     */
    private record ClaimPlace(PolicyTables.EvidenceClaim claim, FieldDef field, FieldDef list, String code) {
    }

    private final List<ClaimPlace> claims = new ArrayList<>();

    public Evidence(PolicyTables tables, ApplicationSchema schema) {
        this.tables = tables;
        this.schema = schema;
        this.references = new References(tables);
        for (PolicyTables.EvidenceClaim claim : tables.evidenceClaims().values()) {
            FieldDef field = schema.field(claim.claim());
            int dot = claim.claim().lastIndexOf('.');
            FieldDef list = field != null || dot < 0 ? null : schema.field(claim.claim().substring(0, dot));
            claims.add(new ClaimPlace(claim, field, list, list == null ? null : claim.claim().substring(dot + 1)));
        }
    }

    /** What checking an application's evidence found: its problems, and how many valid distinct references back each claim. */
    public record Checked(List<Problem> problems, Map<String, Integer> backed) {
    }

    /** Checks every reference of an application being read at {@code at}, once. */
    public Checked check(ObjectNode tree, Location.InJson at) {
        String property = schema.evidenceProperty();
        if (property == null || !(tree.get(property) instanceof ObjectNode evidence)) {
            return new Checked(List.of(), Map.of());
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> backed = new LinkedHashMap<>();
        for (var e : evidence.properties()) {
            String where = property + "[\"" + e.getKey() + "\"]";
            PolicyTables.EvidenceClaim claim = tables.evidenceClaims().get(e.getKey());
            if (claim == null) {
                problems.add(Problem.of(new Location.InJson(at.root(), where, null, null), "problem.evidence.claim",
                        "claim", e.getKey(), "claims", String.join(", ", tables.evidenceClaims().keySet())));
                continue;
            }
            if (!(e.getValue() instanceof ArrayNode refs)) {
                continue; // the schema has said so
            }
            Set<String> keys = new java.util.HashSet<>();
            for (int i = 0; i < refs.size(); i++) {
                References.Checked c = references.check(claim, refs.get(i));
                if (c.valid()) {
                    keys.add(c.key());
                } else {
                    Object[] pairs = new Object[c.values().length + 2];
                    pairs[0] = "claim";
                    pairs[1] = e.getKey();
                    System.arraycopy(c.values(), 0, pairs, 2, c.values().length);
                    problems.add(Problem.of(new Location.InJson(at.root(), where, i, null), c.problem(), pairs));
                }
            }
            backed.put(e.getKey(), keys.size());
        }
        return new Checked(problems, backed);
    }

    /** The application as its evidence lets it stand under a programme. */
    public Standing standing(Application app, Programme programme) {
        Map<String, Object> changes = new LinkedHashMap<>();
        List<Withheld> withheld = new ArrayList<>();
        Map<String, List<String>> listsLeft = new LinkedHashMap<>();
        for (ClaimPlace place : claims) {
            PolicyTables.EvidenceClaim claim = place.claim();
            if (!claim.programs().contains(programme.id())) {
                continue;
            }
            FieldDef field = place.field();
            if (field != null) {
                Object declared = app.get(claim.claim());
                if (!declares(field, declared)) {
                    continue;
                }
                int backed = app.backed(claim.claim());
                Object standing;
                if (field.type() == FieldType.INTEGER) {
                    int n = ((Number) declared).intValue();
                    if (backed >= n) {
                        continue;
                    }
                    standing = backed;
                } else if (backed > 0) {
                    continue;
                } else {
                    standing = null;
                }
                changes.put(field.path(), standing);
                withheld.add(new Withheld(claim.claim(), field.path(), claim.kind(), declared, backed, standing));
                continue;
            }
            // one code of a list field: applicant.qualifications.LITTLE_GIANT
            FieldDef list = place.list();
            String code = place.code();
            if (list == null || list.type() != FieldType.CODE_LIST || !app.codes(list.path()).contains(code)
                    || app.backed(claim.claim()) > 0) {
                continue;
            }
            List<String> left = listsLeft.computeIfAbsent(list.path(), p -> new ArrayList<>(app.codes(p)));
            left.remove(code);
            withheld.add(new Withheld(claim.claim(), list.path(), claim.kind(), code, 0, null));
        }
        listsLeft.forEach((path, left) -> changes.put(path, left.isEmpty() ? null : List.copyOf(left)));
        if (withheld.isEmpty()) {
            return new Standing(app, List.of());
        }
        return new Standing(app.withValues(changes), Collections.unmodifiableList(withheld));
    }

    /** A claim made: yes, a count above 0, a figure given. */
    private static boolean declares(FieldDef field, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() > 0;
        }
        return true;
    }
}
