package org.policyevaluator.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL at run time through the public Drools API (a rules folder given at run time, a stored
 * ruleset, or the bundled rules when no executable model fits them): the files go into an in-memory
 * KieFileSystem under a release id of their own, KieBuilder compiles them (the classic DRL build, whose
 * messages name file and line), and a KieContainer hands out the KieBase. The container and the module are
 * let go of at once: the KieBase needs neither, and the KieRepository would otherwise keep every ruleset
 * ever compiled (a web server compiles one per stored ruleset it replays).
 */
final class DrlCompiler {
    /** Where the DRL files go in the KieFileSystem; messages name paths under it. */
    private static final String ROOT = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*)");

    private DrlCompiler() {
    }

    static KieBase compile(RuleFiles files) {
        // a release id per build: the KieRepository files modules by it, and builds may run at the same time
        return compile(files, KieServices.get().newReleaseId("org.policyevaluator.rulesets", "ruleset-" + UUID.randomUUID(), "1"));
    }

    static KieBase compile(RuleFiles files, ReleaseId releaseId) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        // path in the KieFileSystem -> path in the rules folder. Each file goes into the folder of its package
        // (else KieBuilder logs a warning for each), under a name of its own.
        Map<String, String> paths = new HashMap<>();
        for (var e : files.files().entrySet()) {
            if (e.getKey().endsWith(".drl")) {
                String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                String path = ROOT + packageFolder(files.text(e.getKey())) + paths.size() + "-" + name;
                paths.put(path, e.getKey());
                kfs.write(path, ks.getResources().newByteArrayResource(e.getValue()).setResourceType(ResourceType.DRL));
            }
        }
        if (paths.isEmpty()) {
            throw new RuleBaseException(files.origin(), List.of("no .drl files found"));
        }
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(); // classic DRL build (not the executable model)
            List<String> problems = new ArrayList<>();
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                problems.add(where(m, paths) + ": " + m.getText().trim().replaceAll("\\s+", " "));
            }
            if (!problems.isEmpty()) {
                throw new RuleBaseException(files.origin(), problems);
            }
            KieContainer container = ks.newKieContainer(releaseId);
            try {
                return container.getKieBase();
            } finally {
                container.dispose(); // detaches the KieBase from the container; the KieBase stays usable
            }
        } finally {
            ks.getRepository().removeKieModule(releaseId); // registered even when the build failed
        }
    }

    /** "pkg/name/" for a DRL file that declares "package pkg.name;", "" for one without a package. */
    static String packageFolder(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    /** "drl/gates.drl line 12", the path relative to the rules folder as RuleFiles names it. */
    private static String where(Message m, Map<String, String> paths) {
        String path = m.getPath() == null ? null : paths.getOrDefault(m.getPath(),
                paths.getOrDefault(ROOT + m.getPath(), m.getPath()));
        if (path == null || path.isBlank()) {
            path = "(unknown file)";
        }
        return m.getLine() > 0 ? path + " line " + m.getLine() : path;
    }
}
