package org.policyevaluator.rules;

public record Dimension(String id, String nameZh, String nameEn) {

    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameZh;
    }
}
