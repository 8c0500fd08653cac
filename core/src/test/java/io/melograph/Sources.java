package io.melograph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's own main sources, read as files by checks that look across every module (tests run from the root). */
public final class Sources {
    /** The modules with sources, lowest layer first (docs/architecture.md; service and serving only assemble jars). */
    public static final List<String> MODULES = List.of("core", "worker", "serve", "tools");

    private Sources() {
    }

    /** A module's main Java sources. */
    public static Path javaOf(String module) {
        return Path.of(module, "src/main/java");
    }

    /** Every main Java source file of every module. */
    public static List<Path> javaFiles() {
        return MODULES.stream().flatMap(m -> javaFilesOf(m).stream()).toList();
    }

    public static List<Path> javaFilesOf(String module) {
        try (Stream<Path> files = Files.walk(javaOf(module))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources of module " + module + " (tests run from the project's root)", e);
        }
    }
}
