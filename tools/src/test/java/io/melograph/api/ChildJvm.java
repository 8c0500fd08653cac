package io.melograph.api;

import java.nio.file.Path;

/** The integration tests' child processes (the packaged jars) run on the JVM that runs the tests. */
final class ChildJvm {
    private ChildJvm() {}

    /** The {@code java} launcher of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
