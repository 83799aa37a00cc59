package org.policyevaluator.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads applications from JSON: one object, an array, or {"applications": [...]}. Arrays are read one
 * element at a time, so a batch is never held in memory whole. Each application is validated on its
 * own: a bad one becomes a {@link Rejection} and reading goes on. Input that is not usable JSON, or
 * that breaks the limits below (hostile nesting, numbers or strings), stops the file with an
 * {@link InputException} that says where.
 */
public final class JsonIntake {
    /** Limits far above any real application and far below what could exhaust memory. */
    static final int MAX_NESTING = 64;
    static final int MAX_STRING = 1_000_000;
    static final int MAX_NUMBER_DIGITS = 100;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    .maxNameLength(10_000)
                    .build())
            .build())
            // elements are read one at a time from a shared parser; the end of the file is checked here
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ApplicationReader reader;

    public JsonIntake(ApplicationReader reader) {
        this.reader = reader;
    }

    /** Reads a file; each accepted application goes to {@code accepted}, each bad one to {@code rejected}. */
    public void read(Path file, Consumer<Submission> accepted, Consumer<Rejection> rejected) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            read(source, in, accepted, rejected);
        } catch (NoSuchFileException e) {
            throw unusable(source, null, "problem.file.missing", "no such file");
        } catch (IOException e) {
            throw unusable(source, null, "problem.file.unreadable", "cannot be read: " + e.getMessage());
        }
    }

    public void read(String source, InputStream in, Consumer<Submission> accepted, Consumer<Rejection> rejected) {
        try (JsonParser p = MAPPER.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw unusable(source, null, "problem.json.empty", "empty file; expected an application object or a list of them");
            }
            int count;
            if (first == JsonToken.START_ARRAY) {
                count = readArray(source, p, "$", accepted, rejected);
            } else if (first == JsonToken.START_OBJECT) {
                count = readObject(source, p, accepted, rejected);
            } else {
                throw unusable(source, null, "problem.json.notApplications", "expected an application object, a list of "
                        + "them, or {\"applications\": [...]}, found " + first.asString());
            }
            if (p.nextToken() != null) {
                throw unusable(source, p.currentLocation(), "problem.json.trailing",
                        "unexpected content after the end of the JSON value");
            }
            if (count == 0) {
                throw unusable(source, null, "problem.json.none", "contains no applications");
            }
        } catch (StreamConstraintsException e) {
            throw unusable(source, e.getLocation(), "problem.json.refused", "refused: " + constraint(e));
        } catch (JacksonException e) {
            throw unusable(source, e.getLocation(), "problem.json.invalid",
                    "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** A top-level object is either {"applications": [...]} or a single application. */
    private int readObject(String source, JsonParser p, Consumer<Submission> accepted, Consumer<Rejection> rejected) {
        ObjectNode single = MAPPER.createObjectNode();
        int count = -1;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("applications".equals(name) && value == JsonToken.START_ARRAY) {
                count = readArray(source, p, "$.applications", accepted, rejected);
            } else {
                single.set(name, MAPPER.readTree(p));
            }
        }
        if (count >= 0) {
            return count;
        }
        accept(source, "$", single, accepted, rejected);
        return 1;
    }

    private int readArray(String source, JsonParser p, String path, Consumer<Submission> accepted,
                          Consumer<Rejection> rejected) {
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode node = MAPPER.readTree(p);
            accept(source, path + "[" + i + "]", node, accepted, rejected);
            i++;
        }
        return i;
    }

    private void accept(String source, String location, JsonNode node, Consumer<Submission> accepted,
                        Consumer<Rejection> rejected) {
        ApplicationReader.Result r = reader.read(node, location);
        if (r.ok()) {
            accepted.accept(new Submission(source, Location.InJson.of(location), r.application()));
        } else {
            rejected.accept(new Rejection(source, Location.InJson.of(location), r.applicationId(), r.problems()));
        }
    }

    private static String constraint(StreamConstraintsException e) {
        String m = e.getOriginalMessage();
        if (m.contains("nesting depth")) {
            return "nested deeper than " + MAX_NESTING + " levels";
        }
        if (m.contains("String value length")) {
            return "a text longer than " + MAX_STRING + " characters";
        }
        if (m.contains("Number value length")) {
            return "a number longer than " + MAX_NUMBER_DIGITS + " digits";
        }
        return firstLine(m);
    }

    /** A file that cannot be used, where and why; {@code detail} is the English wording (problem.json.* show it). */
    private static InputException unusable(String source, TokenStreamLocation loc, String key, String detail) {
        boolean located = loc != null && loc.getLineNr() >= 0;
        Location.InFile where = new Location.InFile(source, located ? (long) loc.getLineNr() : null,
                located ? (long) loc.getColumnNr() : null);
        String english = source + (located ? " line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "") + ": " + detail;
        return new InputException(Problem.of(where, key, "detail", detail), english);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /**
     * How many applications a file holds, by a quick pass that builds nothing (for a progress bar's
     * total); -1 when that cannot be told.
     */
    public static long count(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    if (p.nextToken() == JsonToken.START_ARRAY && "applications".equals(name)) {
                        return countElements(p);
                    }
                    p.skipChildren();
                }
                return 1;
            }
            return first == JsonToken.START_ARRAY ? countElements(p) : -1;
        } catch (IOException | JacksonException e) {
            return -1;
        }
    }

    private static long countElements(JsonParser p) {
        long n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            n++;
        }
        return n;
    }

    /** The mapper intake uses, with its limits; for reading single application trees elsewhere. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
