package io.melograph.util;

/** What this process's jar carries: the jars leave out parts (the embedded DBMS, the worker) that code asks for by name. */
public final class Classpath {
    private Classpath() {}

    /** Whether {@code className} is on the classpath, asked without loading it (its linking may need what is absent). */
    public static boolean has(String className) {
        try {
            Class.forName(className, false, Classpath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
