package io.radflow.pipeline.engine;

import io.radflow.core.port.PortObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outputs of successfully run nodes by {@link NodeCacheKeys content key}, kept in memory (one cache
 * per editor session, never global). The executor looks a node up before running it and, on a hit,
 * reuses the outputs instead of executing the node, so editing a downstream parameter re-runs only
 * that node and what depends on it. Least recently used entries are dropped beyond the capacity.
 * Port objects are immutable, so entries are shared safely. Thread-safe.
 */
public final class NodeResultCache {

    /**
     * What a node produced: its output objects and the patients it could not process (stored with
     * the node id of the run that computed them; {@link #failuresFor} re-labels them).
     */
    public record Entry(Map<String, PortObject> outputs, List<PatientFailure> patientFailures) {
        public Entry {
            outputs = Map.copyOf(outputs);
            patientFailures = List.copyOf(patientFailures);
        }

        /** The patient failures as reported by node {@code nodeId}. */
        public List<PatientFailure> failuresFor(String nodeId) {
            return patientFailures.stream().map(f -> new PatientFailure(nodeId, f.patientId(), f.field(), f.message()))
                    .toList();
        }
    }

    private final int capacity;
    private final Map<String, Entry> entries;
    private long hits;
    private long misses;

    /** @param capacity the most entries kept (at least 1) */
    public NodeResultCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    public synchronized Optional<Entry> get(String key) {
        Entry entry = key == null ? null : entries.get(key);
        if (entry == null) {
            misses++;
        } else {
            hits++;
        }
        return Optional.ofNullable(entry);
    }

    public synchronized void put(String key, Entry entry) {
        entries.put(key, entry);
        while (entries.size() > capacity) {
            String eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
    }

    public synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Lookups that found an entry, since creation. */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that found nothing, since creation. */
    public synchronized long misses() {
        return misses;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
