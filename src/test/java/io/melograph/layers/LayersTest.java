package io.melograph.layers;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages stand in the layers the modules will have (docs/architecture.md): {@code core} answers requests and
 * aggregates, {@code worker} learns and runs the scheduled jobs, {@code serve} is the HTTP API, {@code tools} the CLI,
 * evaluation, benchmarks and simulator. Read from the sources (imports and qualified names, constants included, which
 * bytecode would hide): a package may use its own layer and the ones its layer builds on, and no two packages use each
 * other, even through others.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/io/melograph");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.melograph\\.([a-z]+)\\b");

    /** Each top-level package's layer; a new package has to be placed here. */
    private static final Map<String, String> LAYER = Map.ofEntries(
            Map.entry("config", "core"), Map.entry("util", "core"), Map.entry("djl", "core"), Map.entry("metric", "core"),
            Map.entry("graph", "core"), Map.entry("events", "core"), Map.entry("registry", "core"),
            Map.entry("neighbours", "core"), Map.entry("vectors", "core"), Map.entry("ontology", "core"),
            Map.entry("ingest", "core"), Map.entry("interest", "core"), Map.entry("embeddings", "core"),
            Map.entry("rank", "core"), Map.entry("recall", "core"), Map.entry("scene", "core"), Map.entry("app", "core"),
            Map.entry("worker", "worker"), Map.entry("train", "worker"),
            Map.entry("api", "serve"),
            Map.entry("cli", "tools"), Map.entry("eval", "tools"), Map.entry("bench", "tools"), Map.entry("sim", "tools"));

    /** The layers each layer may use besides itself. */
    private static final Map<String, Set<String>> BUILDS_ON = Map.of(
            "core", Set.of(),
            "worker", Set.of("core"),
            "serve", Set.of("core"),
            "tools", Set.of("core", "worker", "serve"));

    private static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f).getName(0).toString();
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
    void everyPackageHasALayer() throws IOException {
        Set<String> unplaced = new TreeSet<>(packageGraph().keySet());
        unplaced.removeAll(LAYER.keySet());
        assertEquals(Set.of(), unplaced, "packages without a layer in LayersTest.LAYER");
    }

    @Test
    void layersUseOnlyWhatTheyBuildOn() throws IOException {
        List<String> wrong = new ArrayList<>();
        packageGraph().forEach((from, tos) -> tos.forEach(to -> {
            String a = LAYER.get(from);
            String b = LAYER.get(to);
            if (a != null && b != null && !a.equals(b) && !BUILDS_ON.get(a).contains(b)) {
                wrong.add(from + " (" + a + ") -> " + to + " (" + b + ")");
            }
        }));
        assertEquals(List.of(), wrong);
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
        assertTrue(graph.size() >= LAYER.size() - 1, "the sources were read: " + graph.keySet());
    }
}
