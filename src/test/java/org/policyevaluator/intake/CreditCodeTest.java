package org.policyevaluator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B", "91440300708461136T", "12100000400000624D"})
    void problemWhenCodeIsValidShouldBeNull(String code) {
        assertThat(CreditCode.problem(code, Location.InJson.of("$"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y40", "91110000802100433A", "91440300708461136U"})
    void problemWhenCheckCharacterIsWrongShouldGiveTheExpectedOne(String code) {
        Problem p = CreditCode.problem(code, Location.InJson.of("$"));
        assertThat(p.key()).isEqualTo("problem.creditCode.check");
        assertThat(p.args().get("given")).isEqualTo(String.valueOf(code.charAt(17)));
        assertThat(org.policyevaluator.TestSupport.RULES.problemTexts().message(p, "en"))
                .startsWith("check character is '" + code.charAt(17) + "' but GB 32100-2015 gives '");
        assertThat(org.policyevaluator.TestSupport.RULES.problemTexts().message(p, "zh"))
                .startsWith("校验位为“" + code.charAt(17) + "”，按 GB 32100-2015 前 17 位应得“");
    }
}
