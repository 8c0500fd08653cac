package io.melograph.graph;

import io.melograph.TestGraph;
import io.melograph.ingest.ImportFiles;
import io.melograph.ingest.ImportProgress;
import io.melograph.ingest.ImportReport;
import io.melograph.ingest.Importer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every curator query runs, with the parameters its header tells curators to set, on the bundled sample, the CSV
 * examples and a small community in the HetRec Last.fm format; and returns rows wherever the ids it names exist.
 */
class CuratorQueriesTest {
    private static final Pattern PARAM = Pattern.compile("^// :param (\\w+) => (.+)$", Pattern.MULTILINE);

    @TempDir
    static Path scratch;

    @BeforeAll
    static void load() throws IOException {
        TestGraph.clear();
        Path hetrec = Path.of("core/src/test/resources/hetrec"); // the project's small community in the HetRec format
        // behaviour on catalog songs arrives with the events work; two facts stand in for it here
        Path behaviour = Files.createDirectories(scratch.resolve("behaviour"));
        Files.writeString(behaviour.resolve("triples.csv"), "head,relation,tail,head_label,tail_label\n"
                + "dbpedia:Love_Me_Do,CO_LISTENED,dbpedia:Say_Say_Say,,\n"
                + "hetrec:user:2,LISTENED,dbpedia:Say_Say_Say,User,Song\n");
        ImportFiles files = ImportFiles.load();
        List<io.melograph.ingest.ImportSource> sources = new ArrayList<>(files.any(List.of(
                Path.of("import/sample/dbpedia-music/music.ttl.gz"), Path.of("import/examples/csv"), behaviour)));
        sources.add(files.hetrec(hetrec));
        ImportReport r = new Importer(TestGraph.connection(), files.ontology(), ImportProgress.NONE).run(sources, Importer.Options.defaults());
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
    }

    @Test
    void everyCuratorQueryRunsWithItsDocumentedParameters() throws IOException {
        List<Path> queries;
        try (Stream<Path> files = Files.list(Path.of("cypher/curator"))) {
            queries = files.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        assertTrue(queries.size() >= 7, queries.toString());
        try (Session s = TestGraph.connection().session()) {
            for (Path q : queries) {
                String name = q.getFileName().toString();
                CypherFile file = CypherFile.load("curator/" + name);
                Map<String, Object> params = new HashMap<>();
                Matcher m = PARAM.matcher(file.text());
                while (m.find()) {
                    params.put(m.group(1), literal(m.group(2).strip()));
                }
                Matcher used = Pattern.compile("\\$(\\w+)").matcher(file.statement());
                while (used.find()) {
                    assertTrue(params.containsKey(used.group(1)), name + " uses $" + used.group(1) + " without a :param line");
                }
                int rows = s.run(file.statement(), params).list().size();
                boolean idsExist = params.entrySet().stream().filter(e -> e.getKey().endsWith("Id"))
                        .allMatch(e -> s.run("MATCH (n {id: $id}) RETURN count(n) > 0 AS found", Map.of("id", e.getValue()))
                                .single().get("found").asBoolean());
                if (idsExist) {
                    assertTrue(rows > 0, name + " returned nothing for " + params);
                }
            }
        }
    }

    private static Object literal(String text) {
        if (text.startsWith("'") || text.startsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
    }
}
