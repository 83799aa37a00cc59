package org.policyevaluator.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one ruleset, by path relative to the rules folder ("drl/gates.drl"), in a stable order.
 * Only files that change what the engine does are taken (DRL, tables, message bundles, the application
 * schema), so that the content hash, which every evaluation carries as its ruleset version, changes
 * exactly when they do.
 */
public record RuleFiles(String origin, SortedMap<String, byte[]> files) {

    static final String BUNDLED_ROOT = "bundled-rules/";
    private static final List<String> EXTENSIONS = List.of(".drl", ".csv", ".properties", ".json");

    public static RuleFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException(dir.toString(), List.of(dir + ": not a folder"));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (relevant(rel)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new RuleBaseException(dir.toString(), List.of(dir + ": cannot be read: " + e.getMessage()));
        }
        return new RuleFiles(dir.toString(), Collections.unmodifiableSortedMap(files));
    }

    /** The ruleset packaged into the jar from the project's top-level rules/ folder. */
    public static RuleFiles bundled() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(RuleFiles.class.getClassLoader())
                    // "classpath:" (not "classpath*:"): the bundled rules are in one place, so only that root is walked
                    .getResources("classpath:" + BUNDLED_ROOT + "**/*");
            for (Resource r : resources) {
                if (!r.isReadable()) {
                    continue;
                }
                String url = r.getURL().toString();
                int at = url.lastIndexOf(BUNDLED_ROOT);
                String rel = url.substring(at + BUNDLED_ROOT.length());
                if (relevant(rel)) {
                    try (InputStream in = r.getInputStream()) {
                        files.put(rel, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new RuleBaseException("bundled rules", List.of("cannot be read: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new RuleBaseException("bundled rules", List.of("no rule files were packaged"));
        }
        return new RuleFiles("bundled rules", Collections.unmodifiableSortedMap(files));
    }

    private static boolean relevant(String rel) {
        return EXTENSIONS.stream().anyMatch(rel::endsWith) && !rel.startsWith(".") && !rel.contains("/.");
    }

    public byte[] get(String rel) {
        return files.get(rel);
    }

    public String text(String rel) {
        byte[] b = files.get(rel);
        return b == null ? null : stripBom(new String(b, StandardCharsets.UTF_8));
    }

    /**
     * Only the DRL files: what the Drools rule base is compiled from (the tables, messages and schema are
     * read at run time). Their hash tells whether the executable model compiled at build time fits.
     */
    public RuleFiles drl() {
        SortedMap<String, byte[]> drl = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, bytes);
            }
        });
        return new RuleFiles(origin, Collections.unmodifiableSortedMap(drl));
    }

    /** "sha256:" and the hash of every path and content, in path order. */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
