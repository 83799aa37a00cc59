package org.policyevaluator.tooling;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a check of the rules says, before it is put into words: a key of tooling/checks_{zh,en}.properties and
 * its values ({0}, {1}…). A value that is itself a Said is worded in the same language; a list is joined as the
 * language joins one ("3, 5" or "3、5").
 */
public record Said(String key, List<Object> args) {
    private static final Properties ZH = load("zh");
    private static final Properties EN = load("en");

    public Said {
        args = List.copyOf(args);
    }

    public static Said of(String key, Object... args) {
        List<Object> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a == null ? "" : a);
        }
        return new Said(key, list);
    }

    /** In Chinese ("zh") or English ("en"). */
    public String in(String lang) {
        String text = ("en".equals(lang) ? EN : ZH).getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in tooling/checks_" + lang + ".properties");
        }
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            String value = a instanceof Said s ? s.in(lang)
                    : a instanceof List<?> l ? String.join("en".equals(lang) ? ", " : "、", l.stream().map(String::valueOf).toList())
                    : String.valueOf(a);
            text = text.replace("{" + i + "}", value);
        }
        return text;
    }

    private static Properties load(String lang) {
        Properties p = new Properties();
        try (InputStream in = Said.class.getResourceAsStream("/tooling/checks_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
