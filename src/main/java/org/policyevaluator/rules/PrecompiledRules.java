package org.policyevaluator.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The bundled rules compiled at build time, as Drools' executable model: kie-maven-plugin turns the DRL
 * files into Java classes (the model, listed in an index under META-INF/kie) that build a KieBase without
 * parsing or compiling any DRL, which saves most of the CLI's start. This class holds both ends:
 * <ul>
 * <li>the build step ({@link #main}), run before kie-maven-plugin: compiles the rules folder classically,
 * so that a broken folder fails the build with the file and line of each problem (the model's own messages
 * are poorer), and files the hash of the DRL the model is generated from next to the classes;</li>
 * <li>{@link #load}: the KieBase from the model classes, only for DRL files identical to those; otherwise
 * (the rules changed after the build, or the model is missing) nothing, and the DRL is compiled.</li>
 * </ul>
 */
public final class PrecompiledRules {
    /** Written by the build step: the hash of the DRL files the model was generated from, and where its index is. */
    static final String RESOURCE = "bundled-rules-model.properties";
    private static final String MODEL_VERSION_LINE = "Drools-Model-Version:";
    /** What kie-maven-plugin names the generated classes: Rules + a random id, lambdas in folders P00 to PFF. */
    private static final Pattern GENERATED_MODEL = Pattern.compile("Rules([0-9a-f]{32})");
    private static final Pattern LAMBDA_FOLDER = Pattern.compile("P[0-9A-F]{2}");
    private static final Pattern LAMBDA = Pattern.compile("Lambda[A-Za-z]+[0-9A-F]{32}(\\$.*)?\\.class");

    private PrecompiledRules() {
    }

    /**
     * Build step: {@code PrecompiledRules RULES_DIR STAGED_DRL_DIR MODEL_INDEX OUTPUT_FILE}: checks RULES_DIR
     * as a rules folder given at run time is checked (throws with every problem), checks that STAGED_DRL_DIR,
     * the folder kie-maven-plugin generates the model from, holds the same DRL files, and writes OUTPUT_FILE.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: PrecompiledRules RULES_DIR STAGED_DRL_DIR MODEL_INDEX OUTPUT_FILE");
        }
        RuleFiles rules = RuleFiles.fromDirectory(Path.of(args[0]));
        RuleBase.build(rules, false);
        String drl = rules.drl().sha256();
        String staged = RuleFiles.fromDirectory(Path.of(args[1])).drl().sha256();
        if (!staged.equals(drl)) {
            throw new IllegalStateException(args[1] + " does not hold the DRL files of " + args[0] + " (a stale copy?)");
        }
        Path out = Path.of(args[3]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        removePreviousModel(out.toAbsolutePath().getParent(), args[2]);
        // written by hand rather than by Properties.store, which adds the time: the same rules, the same file
        Files.writeString(out, "# the executable model listed in 'index' is generated from the DRL files of hash 'drl'\n"
                + "drl=" + drl + "\nindex=" + args[2] + "\n", StandardCharsets.ISO_8859_1);
    }

    /**
     * Deletes the model a previous build generated into the classes folder: its classes are named with a
     * random id per build, so without this every build without "clean" would add another model to the jar.
     * Only the files of the model the index names go: Rules&lt;id&gt;*, DomainClassesMetadata&lt;id&gt;*, and the
     * P?? folders of generated lambdas next to them.
     */
    private static void removePreviousModel(Path classes, String index) throws IOException {
        Path indexFile = classes.resolve(index);
        if (!Files.isRegularFile(indexFile)) {
            return;
        }
        for (String line : Files.readAllLines(indexFile, StandardCharsets.UTF_8)) {
            String model = line.trim();
            int dot = model.lastIndexOf('.');
            Matcher m = GENERATED_MODEL.matcher(model.substring(dot + 1));
            Path pkg = classes.resolve(model.substring(0, dot + 1).replace('.', '/'));
            if (model.startsWith(MODEL_VERSION_LINE) || !m.matches() || !Files.isDirectory(pkg)) {
                continue;
            }
            try (var entries = Files.list(pkg)) {
                for (Path f : entries.toList()) {
                    String name = f.getFileName().toString();
                    if (Files.isRegularFile(f) && name.endsWith(".class") && name.contains(m.group(1))) {
                        Files.delete(f);
                    } else if (Files.isDirectory(f) && LAMBDA_FOLDER.matcher(name).matches()) {
                        List<Path> lambdas;
                        try (var inside = Files.list(f)) {
                            lambdas = inside.toList();
                        }
                        if (lambdas.stream().allMatch(l -> LAMBDA.matcher(l.getFileName().toString()).matches())) {
                            for (Path l : lambdas) {
                                Files.delete(l);
                            }
                            Files.delete(f);
                        }
                    }
                }
            }
        }
        Files.delete(indexFile);
    }

    /** A KieBase from the executable model compiled at build time, if it was compiled from exactly these DRL files; else null. */
    static KieBase load(RuleFiles files) {
        ClassLoader cl = PrecompiledRules.class.getClassLoader();
        Properties p = new Properties();
        try (InputStream in = cl.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        if (!files.drl().sha256().equals(p.getProperty("drl"))) {
            return null;
        }
        List<Model> models = new ArrayList<>();
        try (InputStream in = cl.getResourceAsStream(p.getProperty("index", ""))) {
            if (in == null) {
                return null;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith(MODEL_VERSION_LINE)) {
                    models.add((Model) cl.loadClass(line.trim()).getConstructor().newInstance());
                }
            }
            return models.isEmpty() ? null : KieBaseBuilder.createKieBaseFromModel(models);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // compile instead: the precompiled form is an optimisation, never a requirement
        }
    }
}
