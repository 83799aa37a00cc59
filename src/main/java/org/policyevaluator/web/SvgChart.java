package org.policyevaluator.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.policyevaluator.evaluation.Evaluation.DimensionScore;
import org.springframework.web.util.HtmlUtils;

/**
 * The dimension scores of an evaluation as an inline SVG bar chart, drawn on the server: one bar per
 * dimension, filled to its share of the dimension's maximum, with the points written beside it. Every
 * text is escaped, so the markup can be inlined as is.
 */
final class SvgChart {
    static final int WIDTH = 640;
    static final int LABEL = 190;
    static final int BAR = 330;
    static final int ROW = 36;

    private SvgChart() {
    }

    static String bars(List<DimensionScore> dimensions, String title) {
        int height = ROW * dimensions.size() + 16;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        svg.append("<title>").append(esc(title)).append("</title>");
        int y = 8;
        for (DimensionScore d : dimensions) {
            double share = d.maxScore().signum() == 0 ? 0
                    : d.score().divide(d.maxScore(), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE).doubleValue();
            int filled = (int) Math.round(BAR * share);
            String tone = share >= 0.8 ? "high" : share >= 0.5 ? "mid" : "low";
            svg.append("<g class=\"dimension\" data-dimension=\"").append(esc(d.id())).append("\">");
            svg.append("<text x=\"").append(LABEL - 10).append("\" y=\"").append(y + 19)
                    .append("\" text-anchor=\"end\" class=\"label\">").append(esc(d.name())).append("</text>");
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(BAR)
                    .append("\" height=\"22\" rx=\"3\" class=\"track\"/>");
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(filled)
                    .append("\" height=\"22\" rx=\"3\" class=\"bar ").append(tone).append("\"/>");
            svg.append("<text x=\"").append(LABEL + BAR + 10).append("\" y=\"").append(y + 19).append("\" class=\"value\">")
                    .append(d.score().toPlainString()).append(" / ").append(d.maxScore().toPlainString())
                    .append("</text>");
            svg.append("</g>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
