package org.policyevaluator.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The key that signs the audit log's checkpoints: Ed25519, kept in a file outside the database (created at
 * the first start, readable by its owner only), so that whoever can write the database cannot sign a
 * checkpoint for a log they rewrote. The public key is printed at creation and served.
 */
public final class CheckpointSigner {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final boolean created;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey, boolean created) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.created = created;
    }

    /** The key in {@code file}, created there when there is none. */
    public static CheckpointSigner open(Path file) {
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
                KeyFactory kf = KeyFactory.getInstance("Ed25519");
                return new CheckpointSigner(kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))),
                        kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))), false);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String text = "# the audit log's checkpoint signing key (Ed25519): private (PKCS#8), then public (X.509); keep it "
                    + "outside the database and back it up\n" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
            Path tmp = Files.createTempFile(dir, ".audit-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the directory's own protection applies
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new CheckpointSigner(pair.getPrivate(), pair.getPublic(), true);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the audit signing key " + file + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    /** Whether {@link #open} created the key just now (so that its public part is printed once). */
    public boolean created() {
        return created;
    }

    /** The public key, X.509 in Base64: what an auditor checks checkpoints with. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is the signature of {@code text} by the holder of {@code publicKey} (Base64 X.509). */
    public static boolean verify(String text, String signature, String publicKey) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
