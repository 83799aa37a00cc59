package org.policyevaluator.store;

/**
 * Where and why the audit chain is broken, in words, from the audit.* messages (audit.where.*, audit.kind.*,
 * audit.reason.*) that the caller looks up in its language: the web's bundle for a page, the same bundle read
 * by the command line for {@code verify}. Numbers are handed over as text, so that no digits are grouped.
 */
public final class AuditWords {

    /** A message of the bundle with its values filled. */
    public interface Texts {
        String text(String key, Object... args);
    }

    private AuditWords() {
    }

    public static String where(AuditChain.Broken b, Texts t) {
        if (b.at() instanceof AuditChain.Place.Entry e) {
            return t.text("audit.where.entry", String.valueOf(e.seq()));
        }
        if (b.at() instanceof AuditChain.Place.Record r) {
            String kind = t.text("audit.kind." + r.kind());
            return r.entry() == null ? t.text("audit.where.unchained", kind, r.id())
                    : t.text("audit.where.record", kind, r.id(), String.valueOf(r.entry()));
        }
        AuditChain.Place.Checkpoint c = (AuditChain.Place.Checkpoint) b.at();
        return t.text("audit.where.checkpoint", String.valueOf(c.treeSize()), c.time());
    }

    public static String because(AuditChain.Broken b, Texts t) {
        // numbers as text: a message format would group their digits ("1,234")
        return t.text("audit.reason." + b.reason().key, String.valueOf(b.logSize()), String.valueOf(b.treeSize()));
    }
}
