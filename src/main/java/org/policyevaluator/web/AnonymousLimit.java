package org.policyevaluator.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much anonymous evaluation one client address may ask of a node: a token bucket of {@code perMinute}
 * requests, refilled evenly, and at most {@code concurrent} of them in work at once. Anonymous work is stored nowhere, so a node keeps its own buckets; the table is
 * bounded (the oldest buckets go when it is full).
 */
class AnonymousLimit {
    private static final int MAX_CLIENTS = 100_000;

    private final double perMinute;
    private final int concurrent;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();
    private final Map<String, Integer> inWork = new ConcurrentHashMap<>();

    AnonymousLimit(int perMinute, int concurrent, Clock clock) {
        this.perMinute = perMinute;
        this.concurrent = concurrent;
        this.clock = clock;
    }

    /**
     * Whether the client may start another request now: at most {@code concurrent} at once, so that one address
     * trickling bodies cannot hold every server thread. Each true is followed by {@link #leave}.
     */
    boolean enter(String client) {
        boolean[] admitted = {false};
        inWork.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            admitted[0] = now < concurrent;
            return admitted[0] ? now + 1 : n;
        });
        return admitted[0];
    }

    void leave(String client) {
        inWork.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** 0 when the client may go on (a token is taken); else the seconds until it may. */
    long retryAfter(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // a flood of addresses: start afresh rather than grow
        }
        long now = clock.millis();
        double[] b = buckets.computeIfAbsent(client, k -> new double[] {perMinute, now});
        synchronized (b) {
            b[0] = Math.min(perMinute, b[0] + (now - b[1]) * perMinute / 60_000.0);
            b[1] = now;
            if (b[0] >= 1) {
                b[0] -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b[0]) * 60.0 / perMinute));
        }
    }
}
