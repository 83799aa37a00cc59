package org.policyevaluator.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.ApplicationSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic synthetic applications from a fixed seed, for benchmarks and scale tests: every field is
 * drawn over its domain, so that every dimension, gate and flag is exercised (foreign, domestic and
 * unknown chips; shares the inventory contradicts; budgets that break a gate or do not add up; model
 * projects without a safety assessment), not copies of one sample. The same seed gives the same applications.
 */
public final class SyntheticApplications {
    private static final String A = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] W = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String[] CHIPS = {"Ascend 910B", "Ascend 910C", "Ascend 310P", "Cambricon MLU590", "Hygon K100",
        "Kunlunxin P800", "MTT S4000", "MetaX C500", "NVIDIA A800", "NVIDIA H20", "NVIDIA H100", "AMD MI300X", "Intel Gaudi 3",
        "Lab Prototype X1"};

    private SyntheticApplications() {
    }

    /** The codes of the schema's code tables the generator draws from, in table order. */
    private record Codes(String[] types, String[] qualifications, String[] areas, String[] sectors, String[] stages) {
        static Codes of(ApplicationSchema schema) {
            return new Codes(codes(schema, "applicant.type"), codes(schema, "applicant.qualifications"),
                    codes(schema, "techAreas"), codes(schema, "scenario.sector"), codes(schema, "scenario.manufacturingStages"));
        }

        private static String[] codes(ApplicationSchema schema, String path) {
            return schema.field(path).codes().values().toArray(String[]::new);
        }
    }

    public static List<ObjectNode> generate(ApplicationSchema schema, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Codes codes = Codes.of(schema);
        List<ObjectNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(one(i, r, codes));
        }
        return out;
    }

    private static ObjectNode one(int i, SplittableRandom r, Codes codes) {
        ObjectNode app = JsonIntake.mapper().createObjectNode();
        app.put("applicationId", String.format("SYN-%07d", i));
        app.put("title", "合成申请 " + i);
        ObjectNode applicant = app.putObject("applicant");
        applicant.put("name", "合成企业 " + (i % 5000));
        if (r.nextInt(20) != 0) { // one in twenty misses the credit code the programme requires (GT-010)
            applicant.put("creditCode", creditCode(r));
        }
        applicant.put("type", pick(r, codes.types()));
        ArrayNode quals = applicant.putArray("qualifications");
        if (r.nextBoolean()) {
            quals.add(pick(r, codes.qualifications()));
        }
        applicant.put("inNationalCluster", r.nextInt(4) == 0);
        ArrayNode areas = app.putArray("techAreas");
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            String a = pick(r, codes.areas());
            if (!areas.toString().contains("\"" + a + "\"")) {
                areas.add(a);
            }
        }
        ObjectNode compute = app.putObject("compute");
        ArrayNode chips = compute.putArray("chips");
        for (int k = r.nextInt(4); k > 0; k--) {
            chips.addObject().put("model", CHIPS[r.nextInt(CHIPS.length)]).put("count", 8 * (1 + r.nextInt(128)));
        }
        if (r.nextInt(3) > 0) {
            compute.put("trainingDomesticShare", r.nextInt(21) / 20.0);
        }
        if (r.nextInt(3) > 0) {
            compute.put("inferenceDomesticShare", r.nextInt(21) / 20.0);
        }
        compute.put("domesticComputingCenter", r.nextInt(3) == 0);
        compute.put("domesticSoftwareStack", r.nextBoolean());
        compute.put("cloudEdgeDevice", r.nextBoolean());
        ObjectNode green = app.putObject("green");
        if (r.nextBoolean()) {
            green.put("energySavingPercent", r.nextInt(0, 900) / 10.0); // now and then implausibly high
        }
        if (r.nextBoolean()) {
            green.put("carbonReductionTons", r.nextInt(0, 30_000));
        }
        if (r.nextBoolean()) {
            green.put("dataCenterPue", 1.0 + r.nextInt(0, 80) / 100.0);
        }
        green.put("greenFactory", r.nextInt(4) == 0);
        green.put("greenSupplyChain", r.nextInt(4) == 0);
        ObjectNode scenario = app.putObject("scenario");
        if (r.nextInt(8) > 0) {
            scenario.put("sector", pick(r, codes.sectors()));
        }
        ArrayNode stages = scenario.putArray("manufacturingStages");
        for (String s : codes.stages()) {
            if (r.nextInt(3) == 0) {
                stages.add(s);
            }
        }
        scenario.put("industryModel", r.nextBoolean());
        scenario.put("deploymentSites", r.nextInt(200) == 0 ? 6_000 : r.nextInt(0, 40)); // now and then implausible
        ObjectNode innovation = app.putObject("innovation");
        innovation.put("inventionPatents", r.nextInt(0, 30));
        innovation.put("softwareCopyrights", r.nextInt(0, 15));
        innovation.put("standards", r.nextInt(0, 5));
        innovation.put("openSource", r.nextBoolean());
        innovation.put("academicPartners", r.nextInt(0, 4));
        innovation.put("internationalPartners", r.nextInt(0, 3));
        innovation.put("openCall", r.nextInt(5) == 0);
        ObjectNode budget = app.putObject("budget");
        int total = 100 * (1 + r.nextInt(200));
        // above half now and then (GT-030), above the total more rarely (GT-020)
        int requested = r.nextInt(25) == 0 ? total + 100 : (int) (total * (0.1 + r.nextInt(0, 60) / 100.0));
        budget.put("total", total);
        if (r.nextInt(50) == 0) {
            // now and then out of all proportion to the budget (FL-055); at most what a workbook cell holds as evidence
            innovation.put("inventionPatents", Math.min(total, 1500));
        }
        budget.put("requested", requested);
        budget.put("selfFunded", r.nextInt(10) == 0 ? total / 3 : Math.max(0, total - requested)); // sometimes does not add up
        budget.put("months", r.nextInt(1, 80)); // outside 3-72 months now and then
        ObjectNode safety = app.putObject("safety");
        safety.put("securityAssessment", r.nextInt(3) > 0);
        safety.put("personalDataProtection", r.nextBoolean());
        green.put("inGreenPark", r.nextInt(5) == 0);
        green.put("aiGreenCase", r.nextInt(10) == 0);
        scenario.put("industryEnablementCenter", r.nextInt(10) == 0);
        if (r.nextInt(4) == 0) {
            innovation.putArray("datasets").add(r.nextBoolean() ? "CHINESE_LANGUAGE" : "INDUSTRY");
        }
        if (r.nextInt(4) == 0) {
            budget.put("socialCapital", r.nextInt(20) == 0 ? total : total / 5); // now and then more than the self-funding
        }
        if (r.nextInt(4) > 0) {
            evidence(app, r); // three in four back their claims; the rest have points withheld
        }
        return app;
    }

    /** Valid, distinct references for the claims an application makes (now and then fewer than a count says). */
    private static void evidence(ObjectNode app, SplittableRandom r) {
        ObjectNode e = app.putObject("evidence");
        for (var q : app.path("applicant").path("qualifications")) {
            String listing = switch (q.asString()) {
                case "LITTLE_GIANT" -> "专精特新“小巨人”企业 2023";
                case "SPECIALIZED_SME" -> "专精特新中小企业 2023";
                case "HIGH_TECH_ENTERPRISE" -> "高新技术企业 2022";
                case "NATIONAL_SMART_FACTORY" -> "智能制造示范工厂 2023";
                default -> null;
            };
            if (listing != null) {
                e.putArray("applicant.qualifications." + q.asString()).add(listing);
            } else if (q.asString().equals("LEADING_ENTERPRISE")) {
                e.putArray("applicant.qualifications.LEADING_ENTERPRISE").addObject().put("name", "认定文件.pdf")
                        .put("sha256", String.format("%064x", r.nextLong() & Long.MAX_VALUE));
            }
        }
        if (app.path("applicant").path("inNationalCluster").asBoolean(false)) {
            e.putArray("applicant.inNationalCluster").add("国家先进制造业集群 2022");
        }
        if (app.path("green").path("greenFactory").asBoolean(false)) {
            e.putArray("green.greenFactory").add("绿色工厂 2021");
        }
        if (app.path("green").path("inGreenPark").asBoolean(false)) {
            e.putArray("green.inGreenPark").add("绿色园区 2020");
        }
        if (app.path("green").path("aiGreenCase").asBoolean(false)) {
            e.putArray("green.aiGreenCase").add("人工智能+绿色转型优秀案例 2025");
        }
        for (String claim : List.of("scenario.industryEnablementCenter", "budget.socialCapital")) {
            String[] path = claim.split("\\.");
            JsonNode v = app.path(path[0]).path(path[1]);
            if (v.asBoolean(false) || v.isNumber()) {
                e.putArray(claim).addObject().put("name", path[1] + ".pdf")
                        .put("sha256", String.format("%064x", r.nextLong() & Long.MAX_VALUE));
            }
        }
        if (app.path("green").path("greenSupplyChain").asBoolean(false)) {
            e.putArray("green.greenSupplyChain").add("绿色供应链管理企业 2022");
        }
        int patents = app.path("innovation").path("inventionPatents").asInt(0) - (r.nextInt(8) == 0 ? 2 : 0);
        var refs = e.putArray("innovation.inventionPatents");
        int base = r.nextInt(1_000_000);
        for (int i = 0; i < patents; i++) {
            refs.add(patent(2016 + i % 8, base + i));
        }
        var copyrights = e.putArray("innovation.softwareCopyrights");
        for (int i = 0; i < app.path("innovation").path("softwareCopyrights").asInt(0); i++) {
            copyrights.add(String.format("%dSR%07d", 2018 + i % 6, base + i));
        }
        var standards = e.putArray("innovation.standards");
        for (int i = 0; i < app.path("innovation").path("standards").asInt(0); i++) {
            standards.add("T/CESA " + (1000 + base % 5000 + i) + "-2023");
        }
    }

    private static String patent(int year, int serial) {
        return org.policyevaluator.evidence.References.inventionPatent(year, serial);
    }

    private static <E> E pick(SplittableRandom r, E[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String creditCode(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("91");
        while (sb.length() < 17) {
            sb.append(A.charAt(r.nextInt(A.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += A.indexOf(sb.charAt(i)) * W[i];
        }
        int c = 31 - sum % 31;
        return sb.append(A.charAt(c == 31 ? 0 : c)).toString();
    }
}
