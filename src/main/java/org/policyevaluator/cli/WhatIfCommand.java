package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.evaluation.WhatIf;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "whatif", description = "Show an application's score before and after changing fields, and which findings changed.")
class WhatIfCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file", description = "A JSON file with the application.")
    Path file;

    @Option(names = "--set", required = true, paramLabel = "FIELD=VALUE",
            description = "A change, e.g. --set compute.trainingDomesticShare=0.7 (repeatable).")
    List<String> sets;

    @Option(names = "--id", paramLabel = "ID", description = "Which application, when the file holds several.")
    String id;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Mixin
    RuleOptions options = new RuleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Evaluator evaluator = options.evaluator();
        var schema = evaluator.ruleBase().schema();
        List<Change> changes = new ArrayList<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new Main.UsageException("usage.set.form", s);
            }
            String field = s.substring(0, eq).trim();
            if (schema.field(field) == null) {
                throw new Main.UsageException("usage.set.noField", s, field);
            }
            changes.add(new Change(field, ApplicationEditor.parseValue(schema.field(field), s.substring(eq + 1).trim())));
        }
        Application app = pick(new JsonIntake(evaluator.ruleBase().reader()), evaluator);
        String program = evaluator.programFor(app, options.program);
        WhatIf result;
        try {
            result = WhatIf.of(evaluator, app, changes, program, options.lang);
        } catch (ApplicationEditor.InvalidChange e) {
            throw new Main.UsageException("usage.set.invalid", problems(evaluator, e.problems()));
        }
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonReport.write(result, out);
        } else if ("en".equals(options.lang)) {
            out.println(result.applicationId() + " · " + program);
            changes.forEach(c -> out.println("  set " + c.field() + " = " + JsonReport.toJson(c.value())));
            out.println("  total: " + result.totalBefore().toPlainString() + " -> " + result.totalAfter().toPlainString() + " ("
                    + (result.delta().signum() >= 0 ? "+" : "") + result.delta().toPlainString() + ")  grade "
                    + result.gradeBefore() + " -> " + result.gradeAfter() + "  eligible " + result.eligibleBefore() + " -> "
                    + result.eligibleAfter());
            for (WhatIf.RuleChange c : result.changed()) {
                out.println("  " + c.ruleId() + " [" + c.kind() + "] " + c.before() + " -> " + c.after());
            }
            if (result.changed().isEmpty()) {
                out.println("  no finding, gate or flag changed");
            }
        } else {
            printInChinese(evaluator, result, changes, program, out);
        }
        return Main.OK;
    }

    /** The comparison for a Chinese reader: fields by label, values, programmes and rules in words, no codes. */
    private static void printInChinese(Evaluator evaluator, WhatIf result, List<Change> changes, String program,
                                       java.io.PrintWriter out) {
        var rules = evaluator.ruleBase();
        var words = evaluator.renderer().reasons();
        out.println(result.applicationId() + " · " + rules.tables().programmeName(program, "zh"));
        changes.forEach(c -> out.println("  设置 " + rules.problemTexts().label(c.field(), "zh") + " = "
                + words.format(c.value(), "name", "zh")));
        out.println("  总分：" + result.totalBefore().toPlainString() + " -> " + result.totalAfter().toPlainString() + "（"
                + (result.delta().signum() >= 0 ? "+" : "") + result.delta().toPlainString() + "）  等级 " + result.gradeBefore()
                + " -> " + result.gradeAfter() + "  合格 " + (result.eligibleBefore() ? "是" : "否") + " -> "
                + (result.eligibleAfter() ? "是" : "否"));
        for (WhatIf.RuleChange c : result.changed()) {
            String what = switch (c.kind()) {
                case "score" -> "得分 " + c.before() + " -> " + c.after();
                case "gate" -> "资格审查 " + gate(c.before()) + " -> " + gate(c.after());
                default -> "提示 " + (c.before().equals("raised") ? "已触发" : "无") + " -> " + (c.after().equals("raised") ? "已触发" : "无");
            };
            out.println("  " + c.ruleId() + " " + rules.title(c.ruleId(), "zh") + "：" + what);
        }
        if (result.changed().isEmpty()) {
            out.println("  得分明细、资格审查和提示均无变化");
        }
    }

    /** A gate's state in WhatIf ("passed", "failed", "-" where the programme does not check it) in words. */
    private static String gate(String state) {
        return switch (state) {
            case "passed" -> "通过";
            case "failed" -> "未通过";
            default -> "不适用";
        };
    }

    private Application pick(JsonIntake intake, Evaluator evaluator) {
        List<Application> apps = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        intake.read(file, (Submission s) -> apps.add(s.application()), rejected::add);
        if (id != null) {
            return apps.stream().filter(a -> a.applicationId().equals(id)).findFirst().orElseThrow(() ->
                    new Main.UsageException("usage.whatif.noId", file, id));
        }
        if (apps.size() + rejected.size() != 1) {
            throw new Main.UsageException("usage.whatif.several", file, apps.size() + rejected.size());
        }
        if (apps.isEmpty()) {
            throw new Main.UsageException("usage.whatif.invalid", file, problems(evaluator, rejected.get(0).problems()));
        }
        return apps.get(0);
    }

    /** Problems, one after the other, in the language of the message they go into. */
    private static CliTexts.Worded problems(Evaluator evaluator, List<Problem> problems) {
        var texts = evaluator.ruleBase().problemTexts();
        // in Chinese each names its field by its label, in English by its JSON path
        return lang -> String.join("en".equals(lang) ? "; " : "；", problems.stream().map(p -> "en".equals(lang)
                ? texts.line(p, lang) : texts.words(p.location(), lang) + "：" + texts.message(p, lang)).toList());
    }
}
