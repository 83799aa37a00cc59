package org.policyevaluator.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.CodeTable;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldType;
import org.policyevaluator.rules.Messages;

/**
 * Words problems and their locations in Chinese or English, from the ruleset's message bundles
 * (problem.*, found.*, expected.*, location.*) and the schema's labels: a Chinese text names a field by
 * its label, never by its path, and codes by their names. Thread-safe.
 */
public final class ProblemTexts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    /** A problem as outputs print it: where, and what. */
    public record View(String location, String message) {
    }

    /** A rejected application as outputs print it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record RejectedView(String source, String location, String applicationId, List<View> problems) {
    }

    private final Messages messages;
    private final ApplicationSchema schema;

    public ProblemTexts(Messages messages, ApplicationSchema schema) {
        this.messages = messages;
        this.schema = schema;
    }

    public View view(Problem p, String lang) {
        return new View(location(p.location(), lang), message(p, lang));
    }

    public RejectedView view(Rejection r, String lang) {
        List<View> problems = new ArrayList<>();
        r.problems().forEach(p -> problems.add(view(p, lang)));
        return new RejectedView(r.source(), r.location() == null ? null : location(r.location(), lang), r.applicationId(),
                problems);
    }

    /** A rejected application as a person reads it: its locations in {@link #words}. */
    public RejectedView viewInWords(Rejection r, String lang) {
        List<View> problems = new ArrayList<>();
        // the heading names the application: its problems name only the field within it
        r.problems().forEach(p -> problems.add(new View(words(p.location(), lang, r.location() == null), message(p, lang))));
        return new RejectedView(r.source(), r.location() == null ? null : words(r.location(), lang, true), r.applicationId(),
                problems);
    }

    /**
     * A location as a person reads it. In Chinese a place in JSON is named by the application's number, the field's
     * label and the item ("第 2 份申请，算力芯片清单，第 1 项的型号"), never by its path; in English, and for a cell or a
     * file, as {@link #location} words it (an English reader fixing the JSON is helped by the path).
     */
    public String words(Location l, String lang) {
        String w = words(l, lang, true);
        return w != null ? w : messages.get(lang, "location.document");
    }

    /**
     * As {@link #words(Location, String)}; {@code withApplication} false leaves out the application's number. Null for
     * the whole document, which the file's name already names.
     */
    private String words(Location l, String lang, boolean withApplication) {
        if (!(l instanceof Location.InJson j) || "en".equals(lang)) {
            return location(l, lang);
        }
        String w = place(withApplication ? j.application() : null, j.field(), j.item(), j.itemField(), lang);
        return w.isEmpty() ? null : w;
    }

    /**
     * A place in an application in words, in either language: the application's number (its index from 0; null to
     * leave it out), the field's label, the item and the item's property ("第 2 份申请，算力芯片清单，第 1 项的型号").
     * Empty when all are null.
     */
    public String place(Integer application, String field, Integer item, String itemField, String lang) {
        List<String> parts = new ArrayList<>();
        if (application != null) {
            String number = String.valueOf(application + 1);
            parts.add(fill(messages.get(lang, "location.application"), n -> n.equals("application") ? number : null));
        }
        if (field != null) {
            parts.add(label(field, lang));
        }
        if (item != null) {
            String number = String.valueOf(item + 1);
            String property = itemField == null ? null : label(field + "." + itemField, lang);
            parts.add(fill(messages.get(lang, property == null ? "location.item" : "location.itemField"), n -> switch (n) {
                case "item" -> number;
                case "property" -> property;
                default -> null;
            }));
        }
        return String.join("en".equals(lang) ? ", " : "，", parts);
    }

    /** "location: message", one line. */
    public String line(Problem p, String lang) {
        String where = location(p.location(), lang);
        return where.isEmpty() ? message(p, lang) : where + ("en".equals(lang) ? ": " : "：") + message(p, lang);
    }

    public String message(Problem p, String lang) {
        String field = p.args().get("field") instanceof String s ? s : null;
        return fill(messages.get(lang, p.key()), name -> switch (name) {
            case "label" -> label(field, lang);
            case "expected" -> p.args().get("expected") instanceof Phrase ph ? messages.get(lang, ph.key())
                    : p.args().containsKey("expected") ? String.valueOf(p.args().get("expected"))
                    : expected(field, p.args().containsKey("item"), lang);
            case "found" -> p.args().get("found") instanceof Found f ? found(f, lang) : String.valueOf(p.args().get("found"));
            case "codes" -> codes(field, false, lang);
            case "names" -> codes(field, true, lang);
            default -> !p.args().containsKey(name) ? null
                    : p.args().get(name) instanceof Location l ? words(l, lang)
                    : p.args().get(name) instanceof Phrase ph ? messages.get(lang, ph.key())
                    : String.valueOf(p.args().get(name));
        });
    }

    /** A location in words: a JSON path as it is (it is what a client's tools read), a cell or a file in the language. */
    public String location(Location l, String lang) {
        if (l instanceof Location.InJson j) {
            return j.path();
        }
        if (l instanceof Location.InFile f) {
            return f.line() == null ? f.file() : fill(messages.get(lang, "location.fileLine"), n -> switch (n) {
                case "file" -> f.file();
                case "line" -> String.valueOf(f.line());
                case "column" -> String.valueOf(f.column());
                default -> null;
            });
        }
        return sheet((Location.InSheet) l, lang);
    }

    private String sheet(Location.InSheet s, String lang) {
        StringBuilder sb = new StringBuilder(s.file());
        String sep = "en".equals(lang) ? ", " : "，";
        sb.append(sep).append(fill(messages.get(lang, "location.sheet"), n -> n.equals("sheet") ? s.sheet() : null));
        if (s.row() != null) {
            sb.append(sep).append(fill(messages.get(lang, "location.row"), n -> n.equals("row") ? s.row().toString() : null));
        }
        FieldDef f = s.field() == null ? null : schema.field(s.field());
        if (s.column() != null || s.header() != null || f != null) {
            String key = s.column() == null ? "location.formField" : "location.column";
            String header = s.header() == null ? "" : s.header().strip().replaceAll("\\s+", " ");
            // English names the column as the sheet heads it and the field's path; Chinese by the header or label alone
            String name = "en".equals(lang)
                    ? (f == null ? (header.isEmpty() ? s.column() : header + (s.column() == null ? "" : " (" + s.column() + ")"))
                    : header.isEmpty() || header.equals(f.path()) ? f.path() : "\"" + header + "\" (" + f.path() + ")")
                    : (header.isEmpty() || f != null && header.equals(f.path()) ? (f != null ? f.label(lang) : s.column()) : header);
            sb.append(sep).append(fill(messages.get(lang, key), n -> switch (n) {
                case "column" -> s.column();
                case "name" -> name;
                default -> null;
            }));
        }
        if (s.item() != null) {
            FieldDef item = f == null || s.itemField() == null ? null : f.itemField(s.itemField());
            sb.append(sep).append(fill(messages.get(lang, s.itemField() == null ? "location.item" : "location.itemField"),
                    n -> switch (n) {
                        case "item" -> String.valueOf(s.item() + 1);
                        case "property" -> item != null ? item.label(lang) : s.itemField();
                        default -> null;
                    }));
        }
        return sb.toString();
    }

    /** A field's label in the language; a group's; the path when the schema does not know it. */
    public String label(String path, String lang) {
        if (path == null) {
            return "";
        }
        FieldDef f = field(path);
        if (f != null) {
            return f.label(lang);
        }
        for (ApplicationSchema.Group g : schema.groups()) {
            if (g.id().equals(path)) {
                return g.label(lang);
            }
        }
        return path;
    }

    /**
     * What a field expects, in words: the schema's x-expected, else by its type and range; {@code item}: what
     * one item of a list of codes takes.
     */
    String expected(String path, boolean item, String lang) {
        FieldDef f = path == null ? null : field(path);
        if (f == null) {
            return messages.get(lang, "expected.object");
        }
        if (f.expected(lang) != null) {
            return f.expected(lang);
        }
        String key = switch (f.type()) {
            case TEXT -> "expected.text";
            case BOOLEAN -> "expected.boolean";
            case CODE -> "expected.code";
            case CODE_LIST -> item ? "expected.code" : "expected.codeList";
            case ITEMS -> "expected.items";
            case INTEGER -> f.minimum() != null && f.minimum() == 0 ? "expected.count" : "expected.integer";
            case NUMBER -> f.isShare() ? "expected.share" : f.isPercent() ? "expected.percent"
                    : f.maximum() != null ? "expected.range" : "expected.number";
        };
        return fill(messages.get(lang, key), n -> switch (n) {
            case "min" -> plain(f.minimum());
            case "max" -> plain(f.maximum());
            case "codes" -> codes(path, false, lang);
            case "names" -> codes(path, true, lang);
            default -> null;
        });
    }

    /** A field by path, or an item's property ("compute.chips.count"). */
    private FieldDef field(String path) {
        FieldDef f = schema.field(path);
        if (f == null && path.contains(".")) {
            FieldDef list = schema.field(path.substring(0, path.lastIndexOf('.')));
            if (list != null && list.type() == FieldType.ITEMS) {
                return list.itemField(path.substring(path.lastIndexOf('.') + 1));
            }
        }
        return f;
    }

    private String codes(String path, boolean names, String lang) {
        FieldDef f = path == null ? null : field(path);
        CodeTable table = f == null ? null : f.codes();
        if (table == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (CodeTable.Code c : table.codes()) {
            out.add(names ? c.name(lang) : c.code());
        }
        return String.join(names && !"en".equals(lang) ? "、" : ", ", out);
    }

    String found(Found f, String lang) {
        String key = "found." + switch (f.kind()) {
            case TEXT -> "text";
            case NUMBER -> "number";
            case VALUE -> "value";
            case HUGE -> "huge";
            case TRUE -> "true";
            case FALSE -> "false";
            case LIST -> "list";
            case OBJECT -> "object";
            case NOTHING -> "nothing";
            case DATE -> "date";
            case PERCENTAGE -> "percentage";
            case CELL_ERROR -> "cellError";
        };
        return fill(messages.get(lang, key), n -> n.equals("value") ? f.value() : null);
    }

    private static String plain(Double d) {
        if (d == null) {
            return "";
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The template with each {name} the lookup knows replaced; an unknown one is left as it is, visibly. */
    static String fill(String template, java.util.function.Function<String, String> lookup) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = lookup.apply(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
