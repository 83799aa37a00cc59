package org.policyevaluator.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * The bundled rules compiled at build time: the compiled Drools packages, filed under the hash of the
 * rule files they were compiled from. Loading them saves compiling the DRL at every start of the CLI;
 * if the hash does not match (the rules changed after the build), they are ignored and the rules compiled.
 */
public final class PrecompiledRules {
    static final String RESOURCE = "bundled-rules.kpkg";

    private PrecompiledRules() {
    }

    /** Build step: {@code PrecompiledRules RULES_DIR OUTPUT_FILE}. */
    public static void main(String[] args) throws IOException {
        RuleFiles files = RuleFiles.fromDirectory(Path.of(args[0]));
        Collection<KiePackage> packages = RuleBase.compilePackages(files);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out); DroolsObjectOutputStream s = new DroolsObjectOutputStream(o)) {
            s.writeUTF(files.sha256());
            s.writeObject(new ArrayList<>(packages));
        }
    }

    /** The precompiled packages of exactly these files, or null. */
    @SuppressWarnings("unchecked")
    static List<KiePackage> load(RuleFiles files) {
        try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            ObjectInputStream s = new DroolsObjectInputStream(in, PrecompiledRules.class.getClassLoader());
            if (!s.readUTF().equals(files.sha256())) {
                return null;
            }
            return (List<KiePackage>) s.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null; // compile instead: the precompiled form is an optimisation, never a requirement
        }
    }
}
