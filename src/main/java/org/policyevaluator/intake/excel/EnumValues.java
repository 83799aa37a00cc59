package org.policyevaluator.intake.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.model.ApplicantType;
import org.policyevaluator.model.ManufacturingStage;
import org.policyevaluator.model.Qualification;
import org.policyevaluator.model.Sector;
import org.policyevaluator.model.TechArea;
import org.policyevaluator.rules.PolicyTables;

/**
 * The allowed values of each enum with their Chinese and English names, from the ruleset's reference
 * tables (tables/*.csv) — so that a cell may hold the code, either name, or the template's drop-down text.
 */
public final class EnumValues {
    /** One allowed value: its canonical code and its names. */
    public record Value(String code, String nameZh, String nameEn) {
    }

    private final Map<Class<?>, List<Value>> values = new LinkedHashMap<>();
    private final Map<Class<?>, Map<String, String>> aliases = new HashMap<>();

    private EnumValues() {
    }

    public static EnumValues from(PolicyTables t) {
        EnumValues v = new EnumValues();
        v.add(ApplicantType.class, ApplicantType.ENTERPRISE, "企业", "Enterprise");
        v.add(ApplicantType.class, ApplicantType.UNIVERSITY, "高校", "University");
        v.add(ApplicantType.class, ApplicantType.RESEARCH_INSTITUTE, "科研院所", "Research institute");
        v.add(ApplicantType.class, ApplicantType.CONSORTIUM, "联合体", "Consortium");
        for (Qualification q : Qualification.values()) {
            var info = t.qualification(q.name());
            v.add(Qualification.class, q, info == null ? q.name() : info.nameZh(), info == null ? q.name() : info.nameEn());
        }
        for (TechArea a : TechArea.values()) {
            var info = t.techArea(a.name());
            v.add(TechArea.class, a, info == null ? a.name() : info.nameZh(), info == null ? a.name() : info.nameEn());
        }
        for (Sector s : Sector.values()) {
            var info = t.sector(s.name());
            v.add(Sector.class, s, info == null ? s.name() : info.nameZh(), info == null ? s.name() : info.nameEn());
        }
        for (ManufacturingStage s : ManufacturingStage.values()) {
            var info = t.stages().get(s.name());
            v.add(ManufacturingStage.class, s, info == null ? s.name() : info.nameZh(), info == null ? s.name() : info.nameEn());
        }
        return v;
    }

    private void add(Class<?> type, Enum<?> e, String zh, String en) {
        values.computeIfAbsent(type, k -> new ArrayList<>()).add(new Value(e.name(), zh, en));
        Map<String, String> a = aliases.computeIfAbsent(type, k -> new HashMap<>());
        for (String alias : List.of(e.name(), zh, en, zh + " / " + en, e.name() + " " + zh)) {
            a.putIfAbsent(Text.key(alias), e.name());
        }
    }

    public List<Value> values(Class<?> type) {
        return values.getOrDefault(type, List.of());
    }

    /** The code a cell's text names (code, Chinese or English name, any case or width), or null. */
    public String code(Class<?> type, String text) {
        return aliases.getOrDefault(type, Map.of()).get(Text.key(text));
    }
}
