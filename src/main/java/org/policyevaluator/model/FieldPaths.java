package org.policyevaluator.model;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads an application's values by canonical field path ("applicant.creditCode"), as SPEC.md names them. */
public final class FieldPaths {
    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private FieldPaths() {
    }

    /** The value at the path, or null when it or a part on the way is not declared or does not exist. */
    public static Object get(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            Method accessor = accessors(current.getClass()).get(part);
            if (accessor == null) {
                return null;
            }
            try {
                current = accessor.invoke(current);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return current;
    }

    /** Whether the path exists in the canonical model at all. */
    public static boolean exists(String path) {
        return accessors(path) != null;
    }

    /**
     * The record accessors that lead from an application to the path, resolved once (a path read for
     * every evaluation need not be split and looked up each time); null when the path does not exist.
     */
    public static Method[] accessors(String path) {
        String[] parts = path.split("\\.");
        Method[] chain = new Method[parts.length];
        Class<?> type = Application.class;
        for (int i = 0; i < parts.length; i++) {
            Method accessor = type == null ? null : accessors(type).get(parts[i]);
            if (accessor == null) {
                return null;
            }
            chain[i] = accessor;
            type = accessor.getReturnType().isRecord() ? accessor.getReturnType() : null;
        }
        return chain;
    }

    /** Declared: present, and not an empty list or a blank text. */
    public static boolean isDeclared(Application app, String path) {
        return isDeclaredValue(get(app, path));
    }

    /** Whether the value at the end of the accessors (see {@link #accessors(String)}) is declared. */
    public static boolean isDeclared(Application app, Method[] accessors) {
        Object current = app;
        for (int i = 0; i < accessors.length && current != null; i++) {
            try {
                current = accessors[i].invoke(current);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return isDeclaredValue(current);
    }

    private static boolean isDeclaredValue(Object v) {
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof String s) {
            return !s.isBlank();
        }
        return v != null;
    }

    private static Map<String, Method> accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            Map<String, Method> m = new ConcurrentHashMap<>();
            if (t.isRecord()) {
                for (RecordComponent rc : t.getRecordComponents()) {
                    m.put(rc.getName(), rc.getAccessor());
                }
            }
            return m;
        });
    }
}
