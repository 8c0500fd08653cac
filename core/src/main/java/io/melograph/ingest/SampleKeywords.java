package io.melograph.ingest;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Genres and tags for the bundled DBpedia sample, which has none: the words of each description name them
 * ({@code keywords.tsv}: kind, id, name, words), then albums, songs and artists without any inherit from each other
 * and release dates give decade tags ({@code cypher/ingest/sample-keywords.cypher}). Without them the tag and genre
 * recall channels would have nothing to work with on the demo.
 */
public final class SampleKeywords {

    private SampleKeywords() {}

    /** Reads the keyword table; a malformed line is an error naming the file and line. */
    public static List<Map<String, String>> read(Path tsv) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4 || !(f[0].equals("genre") || f[0].equals("tag")) || f[3].isBlank()) {
                throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": expected kind (genre|tag), id, name, words separated by tabs");
            }
            Map<String, String> k = new LinkedHashMap<>();
            k.put("kind", f[0]);
            k.put("id", f[1]);
            k.put("name", f[2]);
            k.put("words", f[3]);
            out.add(k);
        }
        return out;
    }

    /** Links the graph's songs, albums and artists to the genres and tags their descriptions name; returns the links made per step. */
    public static List<Long> apply(GraphConnection graph, Path tsv) throws IOException {
        List<Map<String, String>> keywords = read(tsv);
        List<Long> counts = new ArrayList<>();
        try (Session s = graph.session()) {
            for (String statement : CypherFile.load("ingest/sample-keywords.cypher").statements()) {
                counts.add(s.run(statement, Map.of("keywords", keywords)).single().get(0).asLong());
            }
        }
        return counts;
    }
}
