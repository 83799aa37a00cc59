package org.policyevaluator.intake.excel;

/** The template's sheet names, shared by the template writer and the reader. */
public final class TemplateSheets {
    public static final String INSTRUCTIONS = "填写说明 Instructions";
    public static final String FORM = "申报表 Form";
    public static final String BATCH = "批量申报 Batch";
    public static final String VALUES = "可选值 Allowed values";

    private TemplateSheets() {
    }

    /** Sheets that hold explanations, never applications. */
    static boolean isReferenceSheet(String name) {
        return INSTRUCTIONS.equals(name) || VALUES.equals(name);
    }
}
