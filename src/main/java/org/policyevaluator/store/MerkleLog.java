package org.policyevaluator.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree over the audit log's entries, as Certificate Transparency builds it (RFC 9162, 2.1): a
 * leaf is SHA-256(0x00 || entry hash), an inner node SHA-256(0x01 || left || right), and a tree of n
 * leaves splits at the largest power of two below n. A root commits to every entry and its order: a log
 * that was truncated or rewritten has another root for the same size.
 */
public final class MerkleLog {
    private MerkleLog() {
    }

    public static byte[] leaf(String entryHashHex) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        d.update(HexFormat.of().parseHex(entryHashHex));
        return d.digest();
    }

    /** The root of the leaves [0, n); the hash of the empty string for an empty log. */
    public static byte[] root(List<byte[]> leaves) {
        return leaves.isEmpty() ? sha256().digest() : root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = split(to - from);
        return node(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** The audit path of leaf {@code index} in the tree of the leaves [0, n) (RFC 9162, 2.1.3.1). */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        List<byte[]> path = new ArrayList<>();
        proof(leaves, 0, leaves.size(), index, path);
        return path;
    }

    private static void proof(List<byte[]> leaves, int from, int to, int index, List<byte[]> path) {
        if (to - from <= 1) {
            return;
        }
        int k = split(to - from);
        if (index - from < k) {
            proof(leaves, from, from + k, index, path);
            path.add(root(leaves, from + k, to));
        } else {
            proof(leaves, from + k, to, index, path);
            path.add(root(leaves, from, from + k));
        }
    }

    /** Whether {@code path} proves leaf {@code index} in a tree of {@code size} leaves with {@code root} (RFC 9162, 2.1.3.2). */
    public static boolean verifyInclusion(byte[] leaf, int index, int size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1L;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    private static int split(int n) {
        int k = Integer.highestOneBit(n);
        return k == n ? k / 2 : k;
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
