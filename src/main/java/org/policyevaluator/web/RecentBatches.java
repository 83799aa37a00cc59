package org.policyevaluator.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The last batches evaluated in the UI, in memory, so that the batch page can open one evaluation and
 * offer the workbook without a second upload. Nothing is stored for good: the store (issue 6) will be.
 */
@Component
class RecentBatches {
    static final int CAPACITY = 32;

    private final Map<String, Evaluations.Batch> batches = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Evaluations.Batch> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized String put(Evaluations.Batch batch) {
        String id = UUID.randomUUID().toString();
        batches.put(id, batch);
        return id;
    }

    synchronized void replace(String id, Evaluations.Batch batch) {
        batches.replace(id, batch);
    }

    synchronized Evaluations.Batch get(String id) {
        return batches.get(id);
    }
}
