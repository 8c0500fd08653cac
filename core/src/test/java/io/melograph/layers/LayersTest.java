package io.melograph.layers;

import io.melograph.Sources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which module may use which is the build's (each module's pom.xml, docs/architecture.md); this checks what the
 * compiler does not: a top-level package lives in one module only, and no two packages use each other, even through
 * others. Read from the sources (imports and qualified names, constants included, which bytecode would hide).
 */
class LayersTest {
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.melograph\\.([a-z]+)\\b");

    /** Each top-level package's uses of the others. */
    private static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String module : Sources.MODULES) {
            Path root = Sources.javaOf(module).resolve("io/melograph");
            for (Path f : Sources.javaFilesOf(module)) {
                String pkg = root.relativize(f).getName(0).toString();
                Set<String> out = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void aPackageLivesInOneModule() throws IOException {
        Map<String, Set<String>> modules = new TreeMap<>();
        for (String module : Sources.MODULES) {
            Path root = Sources.javaOf(module).resolve("io/melograph");
            for (Path f : Sources.javaFilesOf(module)) {
                modules.computeIfAbsent(root.relativize(f).getName(0).toString(), k -> new TreeSet<>()).add(module);
            }
        }
        List<String> split = new ArrayList<>();
        modules.forEach((pkg, in) -> {
            if (in.size() > 1) {
                split.add(pkg + " " + in);
            }
        });
        assertEquals(List.of(), split, "packages split across modules");
        assertTrue(modules.size() >= 20, "the sources were read: " + modules.keySet());
    }

    @Test
    void noPackagesUseEachOther() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            // every package reachable from start; start among them is a cycle through it
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(graph.getOrDefault(start, Set.of()));
            while (!todo.isEmpty()) {
                String p = todo.remove(todo.size() - 1);
                if (seen.add(p)) {
                    todo.addAll(graph.getOrDefault(p, Set.of()));
                }
            }
            if (seen.contains(start)) {
                cycles.add(start);
            }
        }
        assertEquals(List.of(), cycles, "packages on a dependency cycle");
    }
}
