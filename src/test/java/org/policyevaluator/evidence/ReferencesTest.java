package org.policyevaluator.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.rules.PolicyTables;
import tools.jackson.databind.node.JsonNodeFactory;

class ReferencesTest {
    private final References references = new References(TestSupport.RULES.tables());
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private References.Checked check(String claim, String text) {
        PolicyTables.EvidenceClaim c = TestSupport.RULES.tables().evidenceClaims().get(claim);
        return references.check(c, nodes.stringNode(text));
    }

    @Test
    void patentNumberShouldBeValidOnlyWithItsCheckCharacter() {
        assertThat(check("innovation.inventionPatents", "ZL201710601862.3").key()).isEqualTo("201710601862");
        assertThat(check("innovation.inventionPatents", "201710601862.3").valid()).isTrue();
        References.Checked wrong = check("innovation.inventionPatents", "ZL201710601862.4");
        assertThat(wrong.problem()).isEqualTo("problem.evidence.patent.check");
        assertThat(wrong.values()).containsExactly("given", "4", "expected", "3");
        assertThat(check("innovation.inventionPatents", "ZL20171060186.3").problem()).isEqualTo("problem.evidence.patent.form");
    }

    @Test
    void utilityModelShouldNotBackAnInventionPatentCount() {
        String utility = "ZL20172" + "0601862";
        int[] w = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (utility.charAt(i + 2) - '0') * w[i];
        }
        String number = utility + "." + (sum % 11 == 10 ? "X" : String.valueOf(sum % 11));
        assertThat(check("innovation.inventionPatents", number).problem()).isEqualTo("problem.evidence.patent.notInvention");
        assertThat(References.patentCheck("201710601862")).isEqualTo('3');
    }

    @Test
    void softwareCopyrightAndStandardShouldBeReadInTheirWrittenForms() {
        assertThat(check("innovation.softwareCopyrights", "2023SR0123456").key()).isEqualTo("2023SR0123456");
        assertThat(check("innovation.softwareCopyrights", "2023SR012345").problem()).isEqualTo("problem.evidence.copyright");
        assertThat(check("innovation.standards", "GB/T 42755-2023").key()).isEqualTo("GB/T 42755-2023");
        assertThat(check("innovation.standards", "T/CESA 1271-2023").valid()).isTrue();
        assertThat(check("innovation.standards", "ISO/IEC 42001:2023").key()).isEqualTo("ISO/IEC 42001-2023");
        assertThat(check("innovation.standards", "YD/T 3944-2021").valid()).isTrue();
        assertThat(check("innovation.standards", "我们的企业标准").problem()).isEqualTo("problem.evidence.standard");
        assertThat(check("innovation.standards", "GB/T 42755").problem()).isEqualTo("problem.evidence.standard");
    }

    @Test
    void listingShouldNameARecognisedListForTheClaimInAYearItWasPublished() {
        assertThat(check("applicant.qualifications.LITTLE_GIANT", "专精特新“小巨人”企业 第五批 2023").key())
                .isEqualTo("专精特新“小巨人”企业 2023");
        assertThat(check("applicant.qualifications.LITTLE_GIANT", "专精特新\"小巨人\"企业 2023").valid()).isTrue();
        assertThat(check("applicant.qualifications.LITTLE_GIANT", "绿色工厂 2021").problem())
                .isEqualTo("problem.evidence.listing.otherClaim");
        assertThat(check("applicant.qualifications.LITTLE_GIANT", "专精特新“小巨人”企业 2018").problem())
                .isEqualTo("problem.evidence.listing.notPublished");
        assertThat(check("applicant.qualifications.LITTLE_GIANT", "专精特新“小巨人”企业 2019").valid()).isTrue();
        assertThat(check("applicant.qualifications.LITTLE_GIANT", "专精特新“小巨人”企业").problem())
                .isEqualTo("problem.evidence.listing.year");
        assertThat(check("green.greenFactory", "省级优秀企业 2023").problem()).isEqualTo("problem.evidence.listing.unknown");
    }

    @Test
    void documentShouldCarryANameAndASha256() {
        PolicyTables.EvidenceClaim c = TestSupport.RULES.tables().evidenceClaims().get("green.energySavingPercent");
        String hex = "0123456789abcdef".repeat(4);
        assertThat(references.check(c, nodes.stringNode("节能报告.pdf sha256:" + hex)).key()).isEqualTo(hex);
        assertThat(references.check(c, nodes.objectNode().put("name", "报告.pdf").put("sha256", hex.toUpperCase())).key())
                .isEqualTo(hex);
        assertThat(references.check(c, nodes.objectNode().put("name", "报告.pdf").put("sha256", hex.substring(1))).problem())
                .isEqualTo("problem.evidence.document.sha256");
        assertThat(references.check(c, nodes.stringNode("报告.pdf")).problem()).isEqualTo("problem.evidence.document.form");
    }
}
