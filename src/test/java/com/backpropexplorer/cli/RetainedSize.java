package com.backpropexplorer.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bytes a set of objects keeps alive, found by walking their fields: every array at its real
 * length (header and elements, as HotSpot lays them out with compressed references), every other
 * object of ours and of the libraries at its fields' size. JDK objects count only through what
 * maps and collections hold; threads, classes and the like are not followed.
 */
final class RetainedSize {
    private static final long HEADER = 12;
    private static final long ARRAY_HEADER = 16;
    private static final long REFERENCE = 4;

    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Objects reachable from these are not counted by later calls (e.g. the data set). */
    RetainedSize exclude(Object... roots) {
        walk(roots, false);
        return this;
    }

    /** The bytes reachable from the roots that no earlier call reached. */
    long of(Object... roots) {
        return walk(roots, true);
    }

    private long walk(Object[] roots, boolean count) {
        Deque<Object> stack = new ArrayDeque<>();
        for (Object r : roots) {
            if (r != null) {
                stack.push(r);
            }
        }
        long bytes = 0;
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                Class<?> e = c.getComponentType();
                int n = Array.getLength(o);
                bytes += align(ARRAY_HEADER + n * elementSize(e));
                if (!e.isPrimitive()) {
                    for (Object x : (Object[]) o) {
                        if (x != null) {
                            stack.push(x);
                        }
                    }
                }
                continue;
            }
            String name = c.getName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                if (o instanceof Map<?, ?> m) {
                    bytes += align(HEADER + 36) + m.size() * 32L; // the table and its entries, roughly
                    m.forEach((k, v) -> {
                        if (k != null) {
                            stack.push(k);
                        }
                        if (v != null) {
                            stack.push(v);
                        }
                    });
                } else if (o instanceof Collection<?> col && !(o instanceof Thread)) {
                    bytes += align(HEADER + 16 + col.size() * REFERENCE);
                    col.forEach(x -> {
                        if (x != null) {
                            stack.push(x);
                        }
                    });
                }
                continue;
            }
            long shallow = HEADER;
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    shallow += f.getType().isPrimitive() ? elementSize(f.getType()) : REFERENCE;
                    if (!f.getType().isPrimitive()) {
                        try {
                            f.setAccessible(true);
                            Object v = f.get(o);
                            if (v != null) {
                                stack.push(v);
                            }
                        } catch (ReflectiveOperationException | RuntimeException unreadable) {
                            // a field we may not read (a hidden class's): its object is not counted
                        }
                    }
                }
            }
            bytes += align(shallow);
        }
        return count ? bytes : 0;
    }

    private static long elementSize(Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        if (type == short.class || type == char.class) {
            return 2;
        }
        if (type == byte.class || type == boolean.class) {
            return 1;
        }
        return REFERENCE;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
