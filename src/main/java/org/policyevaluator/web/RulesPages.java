package org.policyevaluator.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.rules.RuleBase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The rule catalogue for auditors: rules by dimension under the programme chosen, clauses and quotes, gates, flags. */
@PageController
class RulesPages {
    private final Pages pages;
    private final Evaluations evaluations;

    RulesPages(Pages pages, Evaluations evaluations) {
        this.pages = pages;
        this.evaluations = evaluations;
    }

    @GetMapping("/rules")
    ModelAndView rules(@RequestParam(required = false) String program, Locale locale) {
        String p = evaluations.program(program);
        p = p != null ? p : evaluations.evaluator().defaultProgramme();
        RuleBase rb = evaluations.evaluator().ruleBase();
        CatalogueReport.Catalogue catalogue = CatalogueReport.build(evaluations.evaluator(), p);
        Map<String, List<CatalogueReport.Entry>> byDimension = new LinkedHashMap<>();
        rb.tables().dimensions().keySet().forEach(d -> byDimension.put(d, new ArrayList<>()));
        List<CatalogueReport.Entry> gates = new ArrayList<>();
        List<CatalogueReport.Entry> flags = new ArrayList<>();
        for (CatalogueReport.Entry e : catalogue.rules()) {
            switch (e.kind()) {
                case "score" -> byDimension.get(e.dimension()).add(e);
                case "gate" -> gates.add(e);
                default -> flags.add(e);
            }
        }
        ModelAndView mv = pages.page("rules", Pages.lang(locale), "/rules");
        mv.addObject("program", p);
        mv.addObject("catalogue", catalogue);
        mv.addObject("byDimension", byDimension);
        mv.addObject("gates", gates);
        mv.addObject("flags", flags);
        mv.addObject("dimensions", rb.tables().dimensions());
        mv.addObject("selected", rb.tables().programme(p));
        return mv;
    }
}
