package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/** DRL compiled at run time through kie-api: file-and-line problems, and nothing kept once a rule base is dropped. */
class DrlCompilerTest {

    private static RuleFiles drl(String path, String text) {
        var files = new TreeMap<String, byte[]>();
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return new RuleFiles("test", files);
    }

    private static ReleaseId releaseId(String name) {
        return KieServices.get().newReleaseId("org.policyevaluator.test", name, "1");
    }

    @Test
    void compileWhenDrlIsBrokenShouldNameFileAndLineAndKeepNoModule() {
        ReleaseId id = releaseId("broken");
        assertThatThrownBy(() -> DrlCompiler.compile(drl("more/bad.drl",
                "package x.y;\n\nrule \"XX-001 broken\"\nwhen\n  String( length > )\nthen\nend\n"), id))
                .isInstanceOf(RuleBaseException.class)
                .satisfies(e -> assertThat(((RuleBaseException) e).problems())
                        .allSatisfy(p -> assertThat(p).startsWith("more/bad.drl"))
                        .anySatisfy(p -> assertThat(p).startsWith("more/bad.drl line 5: ")));
        assertThat(KieServices.get().getRepository().getKieModule(id)).isNull();
    }

    @Test
    void compileShouldKeepNoModuleInTheRepository() {
        ReleaseId id = releaseId("fine");
        KieBase kb = DrlCompiler.compile(drl("a.drl", "package x;\nrule \"XX-001 any\"\nwhen\n  String()\nthen\nend\n"), id);
        assertThat(kb.getKiePackage("x").getRules()).hasSize(1);
        assertThat(KieServices.get().getRepository().getKieModule(id)).isNull();
        // still usable once the container is gone
        var session = kb.newKieSessionsPool(1).newStatelessKieSession();
        session.execute(java.util.List.of("a", "b"));
    }

    @Test
    void compiledRuleBasesShouldBeCollectedOnceDropped() throws InterruptedException {
        // what a web server replaying many stored rulesets needs: no registry keeps a rule base alive
        RuleFiles changed = new RuleFiles("changed", new TreeMap<>(RuleFiles.bundled().files()) {
            {
                put("drl/flags.drl", (new String(get("drl/flags.drl"), StandardCharsets.UTF_8) + "\n// changed\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        WeakReference<RuleBase> first = null;
        for (int i = 0; i < 3; i++) {
            RuleBase rules = RuleBase.build(changed);
            assertThat(rules.precompiled()).isFalse();
            new org.policyevaluator.evaluation.Evaluator(rules).evaluate(
                    org.policyevaluator.TestSupport.bind(org.policyevaluator.TestSupport.minimal()), null, "en");
            if (first == null) {
                first = new WeakReference<>(rules);
            }
        }
        for (int i = 0; i < 20 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(first.get()).as("the first rule base, dropped, is collected").isNull();
    }
}
