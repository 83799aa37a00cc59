package org.policyevaluator.store;

import java.util.List;

/**
 * A signed statement of the audit log's size and Merkle root at a time (as a Certificate Transparency
 * signed tree head): an auditor who saves one can later prove that the log still begins with those
 * entries, unchanged ({@code verify --checkpoint}).
 */
public record Checkpoint(String origin, long treeSize, String rootHash, String time, String publicKey, String signature) {
    public static final String ORIGIN = "policy-evaluator audit log";

    /** The text the signature is over: origin, size, root and time, one per line. */
    public String signedText() {
        return signedText(origin, treeSize, rootHash, time);
    }

    static String signedText(String origin, long treeSize, String rootHash, String time) {
        return origin + "\n" + treeSize + "\n" + rootHash + "\n" + time + "\n";
    }

    public boolean signatureValid() {
        return origin != null && rootHash != null && time != null && signature != null && publicKey != null
                && CheckpointSigner.verify(signedText(), signature, publicKey);
    }

    /** That an evaluation's entry is in the log of a checkpoint: its leaf's place and the hashes that lead to the root. */
    public record InclusionProof(String evaluationId, long leafIndex, String entryHash, List<String> auditPath,
                                 Checkpoint checkpoint) {
    }
}
