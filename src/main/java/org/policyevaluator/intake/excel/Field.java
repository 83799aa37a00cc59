package org.policyevaluator.intake.excel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyevaluator.model.ApplicantType;
import org.policyevaluator.model.ManufacturingStage;
import org.policyevaluator.model.Qualification;
import org.policyevaluator.model.Sector;
import org.policyevaluator.model.TechArea;

/**
 * One canonical field of SPEC.md as it appears in a workbook: its path (the batch sheet's header), how a
 * cell is turned into its JSON value, and its bilingual label and help. {@link #ALL} is in template order.
 */
public record Field(String path, Kind kind, Class<? extends Enum<?>> enumType, boolean required, String labelZh,
                    String labelEn, String help) {

    /** How a cell's value becomes the field's JSON value. */
    public enum Kind {
        TEXT, INTEGER, NUMBER, SHARE, PERCENT, BOOLEAN, ENUM, ENUM_LIST, CHIPS;

        boolean isList() {
            return this == ENUM_LIST || this == CHIPS;
        }
    }

    public String label() {
        return labelZh + " / " + labelEn;
    }

    public static final List<Field> ALL = List.of(
            f("applicationId", Kind.TEXT, true, "申报编号", "Application ID", "批次内唯一 Unique within the batch, e.g. GT-2026-013"),
            f("title", Kind.TEXT, true, "项目名称", "Project title", "项目全称 Full project title"),
            f("program", Kind.TEXT, false, "申报专项", "Programme", "评分方案编号，留空为通用 Scoring programme id; blank = general"),
            f("applicant.name", Kind.TEXT, true, "申报单位名称", "Applicant name", "单位全称 Full legal name"),
            f("applicant.creditCode", Kind.TEXT, false, "统一社会信用代码", "Unified social credit code",
                    "18位，按 GB 32100-2015 校验 18 characters, checked per GB 32100-2015"),
            e("applicant.type", ApplicantType.class, false, "单位类型", "Applicant type"),
            l("applicant.qualifications", Qualification.class, "企业资质", "Qualifications"),
            b("applicant.inNationalCluster", "位于国家先进制造业集群", "In a national advanced-manufacturing cluster"),
            f("applicant.region", Kind.TEXT, false, "所在地区", "Region", "省/市 Province / city"),
            l("techAreas", TechArea.class, "技术领域", "Technology areas"),
            f("compute.chips", Kind.CHIPS, false, "算力芯片清单", "AI accelerator inventory",
                    "型号*数量，用 ; 分隔 model*count separated by ;  e.g. Ascend 910B*512; NVIDIA A800*64"),
            f("compute.trainingDomesticShare", Kind.SHARE, false, "训练算力国产占比", "Training compute on domestic chips",
                    "0–1 或百分比 A share 0–1 or a percentage, e.g. 0.72 or 72%"),
            f("compute.inferenceDomesticShare", Kind.SHARE, false, "推理算力国产占比", "Inference compute on domestic chips",
                    "0–1 或百分比 A share 0–1 or a percentage, e.g. 0.72 or 72%"),
            b("compute.domesticComputingCenter", "使用国产智算中心", "Runs in a domestic-chip computing centre"),
            b("compute.domesticSoftwareStack", "软件栈适配国产芯片", "Software stack adapted to domestic chips"),
            b("compute.cloudEdgeDevice", "云边端一体化部署", "Cloud-edge-device deployment"),
            f("green.energySavingPercent", Kind.PERCENT, false, "节能率(%)", "Energy saving (%)",
                    "0–100，如 22 或 22% A percentage 0–100, e.g. 22 or 22%"),
            f("green.carbonReductionTons", Kind.NUMBER, false, "年减碳量(吨)", "Carbon reduction (t/year)",
                    "吨二氧化碳/年，≥0 Tonnes CO2 per year, 0 or more"),
            f("green.dataCenterPue", Kind.NUMBER, false, "数据中心PUE", "Data-centre PUE", "≥1.0，如 1.25 1.0 or more, e.g. 1.25"),
            b("green.greenFactory", "绿色工厂", "Green factory"),
            b("green.greenSupplyChain", "绿色供应链", "Green supply chain"),
            e("scenario.sector", Sector.class, false, "应用行业", "Sector"),
            l("scenario.manufacturingStages", ManufacturingStage.class, "制造环节", "Manufacturing stages"),
            b("scenario.industryModel", "行业大模型", "Industry-specific large model"),
            f("scenario.deploymentSites", Kind.INTEGER, false, "部署点数量", "Deployment sites", "整数，≥0 A whole number, 0 or more"),
            f("innovation.inventionPatents", Kind.INTEGER, false, "发明专利数", "Invention patents", "整数，≥0 A whole number, 0 or more"),
            f("innovation.softwareCopyrights", Kind.INTEGER, false, "软件著作权数", "Software copyrights", "整数，≥0 A whole number, 0 or more"),
            f("innovation.standards", Kind.INTEGER, false, "主导或参与标准数", "Standards led or co-drafted", "整数，≥0 A whole number, 0 or more"),
            b("innovation.openSource", "开源开放", "Open source"),
            f("innovation.academicPartners", Kind.INTEGER, false, "合作高校院所数", "Academic partners", "整数，≥0 A whole number, 0 or more"),
            f("innovation.internationalPartners", Kind.INTEGER, false, "国际合作伙伴数", "International partners", "整数，≥0 A whole number, 0 or more"),
            b("innovation.openCall", "揭榜挂帅", "Answers an open call"),
            f("budget.total", Kind.NUMBER, true, "总预算(万元)", "Total budget (10k CNY)", "万元，>0 In 10,000 CNY, more than 0"),
            f("budget.requested", Kind.NUMBER, true, "申请资金(万元)", "Funding requested (10k CNY)", "万元，>0 In 10,000 CNY, more than 0"),
            f("budget.selfFunded", Kind.NUMBER, false, "自筹资金(万元)", "Self-funded (10k CNY)", "万元，≥0 In 10,000 CNY, 0 or more"),
            f("budget.months", Kind.INTEGER, false, "实施周期(月)", "Duration (months)", "整数月 A whole number of months"),
            b("safety.securityAssessment", "已开展安全评估", "AI safety assessment done"),
            b("safety.personalDataProtection", "个人信息保护措施", "Personal data protection"));

    public static final Map<String, Field> BY_PATH = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Field::path, Function.identity()));

    private static Field f(String path, Kind kind, boolean required, String zh, String en, String help) {
        return new Field(path, kind, null, required, zh, en, help);
    }

    private static Field b(String path, String zh, String en) {
        return new Field(path, Kind.BOOLEAN, null, false, zh, en, "是 / 否 (Yes / No; TRUE/FALSE, Y/N, 1/0)");
    }

    private static Field e(String path, Class<? extends Enum<?>> type, boolean required, String zh, String en) {
        return new Field(path, Kind.ENUM, type, required, zh, en, "从下拉列表选择，含义见“可选值”表 Pick from the list; meanings on the Allowed values sheet");
    }

    private static Field l(String path, Class<? extends Enum<?>> type, String zh, String en) {
        return new Field(path, Kind.ENUM_LIST, type, false, zh, en,
                "可多选，用 ; 分隔，见“可选值”表 One or more, separated by ; (see the Allowed values sheet)");
    }
}
