package org.policyevaluator.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.account.Account;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.store.PanelStore;
import org.policyevaluator.store.PanelStore.Record;
import tools.jackson.databind.JsonNode;

/**
 * A batch's panel as its records make it: who chairs, who is assigned what (an assignment ends when its
 * reviewer declares a conflict), the reviews submitted, the latest consensus on each application, the funding
 * lines drawn. Records are read in the order they were made.
 */
public final class PanelState {
    private final Set<String> chairs = new LinkedHashSet<>();
    /** evaluationId -> reviewers assigned and not conflicted, in the order assigned. */
    private final Map<String, Set<String>> assigned = new LinkedHashMap<>();
    private final Set<String> conflicts = new HashSet<>();
    private final Map<String, Map<String, Panel.Review>> reviews = new LinkedHashMap<>();
    private final Map<String, Panel.Consensus> consensus = new LinkedHashMap<>();
    private final List<Record> fundings = new ArrayList<>();
    private final boolean governs;

    public PanelState(List<PanelStore.Record> records) {
        boolean any = false;
        for (Record r : records) {
            switch (r.kind()) {
                case CHAIR -> chairs.add(r.account());
                case ASSIGNMENT -> {
                    any = true;
                    if (!conflicts.contains(key(r.evaluationId(), r.account()))) {
                        assigned.computeIfAbsent(r.evaluationId(), k -> new LinkedHashSet<>()).add(r.account());
                    }
                }
                case CONFLICT -> {
                    conflicts.add(key(r.evaluationId(), r.account()));
                    Set<String> who = assigned.get(r.evaluationId());
                    if (who != null) {
                        who.remove(r.account());
                    }
                }
                case REVIEW -> reviews.computeIfAbsent(r.evaluationId(), k -> new LinkedHashMap<>())
                        .put(r.account(), review(r));
                case CONSENSUS -> {
                    JsonNode b = JsonReport.mapper().readTree(r.bodyJson());
                    consensus.put(r.evaluationId(), new Panel.Consensus(r.account(), scores(b.get("dimensions")),
                            b.path("comment").asString(), r.createdAt()));
                }
                case FUNDING -> fundings.add(r);
            }
        }
        this.governs = any;
    }

    private static String key(String evaluationId, String account) {
        return evaluationId + "\u0000" + account;
    }

    static Panel.Review review(Record r) {
        JsonNode b = JsonReport.mapper().readTree(r.bodyJson());
        return new Panel.Review(r.account(), scores(b.get("dimensions")), b.path("comment").asString(null),
                b.path("recommendation").asString(), r.createdAt());
    }

    static Map<String, BigDecimal> scores(JsonNode dims) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (dims != null) {
            for (var e : dims.properties()) {
                out.put(e.getKey(), e.getValue().decimalValue());
            }
        }
        return out;
    }

    /** Whether reviewers were assigned in this batch: then a reviewer sees only what they are assigned. */
    public boolean governs() {
        return governs;
    }

    /** Whether the account oversees the panel: sees its view, its funding lines and the reviews (admins, auditors, chairs). */
    public boolean oversees(Account account) {
        return account.seesEverything() || chairs(account.username());
    }

    public boolean chairs(String account) {
        return chairs.contains(account);
    }

    public Set<String> chairs() {
        return Set.copyOf(chairs);
    }

    public boolean assigned(String evaluationId, String reviewer) {
        return assigned.getOrDefault(evaluationId, Set.of()).contains(reviewer);
    }

    public boolean declaredConflict(String evaluationId, String reviewer) {
        return conflicts.contains(key(evaluationId, reviewer));
    }

    /** The reviewers assigned an evaluation now, in the order assigned. */
    public List<String> reviewers(String evaluationId) {
        return List.copyOf(assigned.getOrDefault(evaluationId, Set.of()));
    }

    public List<Panel.Review> reviews(String evaluationId) {
        return List.copyOf(reviews.getOrDefault(evaluationId, Map.of()).values());
    }

    public boolean reviewed(String evaluationId, String reviewer) {
        return reviews.getOrDefault(evaluationId, Map.of()).containsKey(reviewer);
    }

    public Panel.Consensus consensus(String evaluationId) {
        return consensus.get(evaluationId);
    }

    public List<Record> fundings() {
        return List.copyOf(fundings);
    }
}
