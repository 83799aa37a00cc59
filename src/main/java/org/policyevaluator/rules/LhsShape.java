package org.policyevaluator.rules;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * How many top-level conditions each rule's left-hand side has, read from the DRL parser's description
 * of the rules (drools-drl-parser: the public Drools API does not tell). A batch puts several applications'
 * {@code Facts} in one session, so a rule must match a single one. Parsing costs 0.1 to 0.2 s: done only
 * where the DRL is compiled (a rules folder at run time, the bundled rules at build time), never when the
 * rules compiled at build time are loaded.
 */
final class LhsShape {
    private LhsShape() {
    }

    /** Full rule name -> number of top-level conditions, for the files that parse (the compiler reports the others). */
    static Map<String, Integer> conditions(RuleFiles files) {
        Map<String, Integer> conditions = new HashMap<>();
        for (String path : files.files().keySet()) {
            if (!path.endsWith(".drl")) {
                continue;
            }
            DrlParser parser = new DrlParser();
            try {
                PackageDescr pkg = parser.parse(new StringReader(files.text(path)));
                if (pkg == null || parser.hasErrors()) {
                    continue;
                }
                for (RuleDescr r : pkg.getRules()) {
                    conditions.putIfAbsent(r.getName(), r.getLhs() == null ? 0 : r.getLhs().getDescrs().size());
                }
            } catch (DroolsParserException e) {
                // reported with file and line by the compiler
            }
        }
        return conditions;
    }
}
