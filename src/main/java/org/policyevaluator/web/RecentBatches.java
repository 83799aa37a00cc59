package org.policyevaluator.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The last batches visitors evaluated in the UI, in memory, so that the batch page can open one evaluation
 * and offer the workbook without a second upload. A signed-in user's batches are stored instead (StoredBatches).
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

    /**
     * A kept batch worded in {@code lang} — worded again from its outcomes when the language changed, never
     * evaluated again — or 404 when it is no longer kept.
     */
    Evaluations.Batch get(String id, String lang, Evaluations evaluations) {
        Evaluations.Batch batch = get(id);
        if (batch == null) {
            throw gone();
        }
        Evaluations.Batch inLang = evaluations.inLanguage(batch, lang);
        if (inLang != batch) {
            replace(id, inLang);
        }
        return inLang;
    }

    static WebProblem gone() {
        return WebProblem.of(HttpStatus.NOT_FOUND, "error.title.notFound", "error.gone", "capacity", CAPACITY);
    }
}
