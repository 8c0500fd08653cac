package io.melograph.ontology;

import io.melograph.Sources;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OntologyTest {
    private final Ontology ontology = Ontology.load();

    @Test
    void derivesGraphNamesFromTerms() {
        assertEquals("PERFORMED_BY", Ontology.relationshipType("performedBy"));
        assertEquals("CO_LISTENED", Ontology.relationshipType("coListened"));
        assertEquals("BY", Ontology.relationshipType("by"));
        assertTrue(ontology.labels().containsAll(Set.of("Song", "Album", "Artist", "Person", "Genre", "Tag", "Language",
                "Video", "Mlog", "Playlist", "User")));
        Relation onAlbum = ontology.relationByType("ON_ALBUM").orElseThrow();
        assertEquals(Set.of("Song"), onAlbum.domain());
        assertEquals(Set.of("Album"), onAlbum.range());
        assertEquals(Set.of("User", "Artist"), ontology.relationByType("FOLLOWS").orElseThrow().range());
        assertEquals(Datatype.INTEGER, ontology.relationProperties("ON_ALBUM").get(0).datatype());
        assertEquals("tag", ontology.relationByType("APPLIED_TAG").orElseThrow().keyedBy());
    }

    @Test
    void coversEveryLabelAndRelationshipOfTheDesign() {
        assertTrue(ontology.relationshipTypes().containsAll(Set.of("PERFORMED_BY", "ON_ALBUM", "BY", "WRITTEN_BY",
                "PRODUCED_BY", "MEMBER_OF", "HAS_GENRE", "TAGGED", "IN_LANGUAGE", "FEATURES", "USES", "CONTAINS", "CREATED",
                "FOLLOWS", "LISTENED", "CO_LISTENED")));
        for (String key : Set.of("plays", "completes", "skips", "likes", "lastAt", "weight", "pos", "track")) {
            assertTrue(ontology.properties().stream().anyMatch(p -> p.key().equals(key)), key);
        }
    }

    /** Labels and relationship types used in cypher/ or in Cypher inside the code must be ontology terms. */
    @Test
    void cypherAndCodeUseOnlyOntologyTerms() throws IOException {
        Set<String> labels = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("cypher"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cypher")).toList()) {
                CypherNames.collect(Files.readString(f), labels, types);
            }
        }
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (Path f : Sources.javaFiles()) {
            String source = Files.readString(f);
            if (!CypherNames.looksLikeCypher(source)) {
                continue;
            }
            Matcher m = literal.matcher(source);
            while (m.find()) {
                CypherNames.collect(m.group(1), labels, types);
            }
        }
        assertTrue(labels.size() >= 8, "the scan found labels: " + labels);
        assertTrue(types.size() >= 8, "the scan found types: " + types);
        Set<String> unknownLabels = new TreeSet<>(labels);
        unknownLabels.removeAll(ontology.labels());
        Set<String> unknownTypes = new TreeSet<>(types);
        unknownTypes.removeAll(ontology.relationshipTypes());
        assertEquals(Set.of(), unknownLabels, "labels without an ontology class in ontology/melograph.ttl");
        assertEquals(Set.of(), unknownTypes, "relationship types without an ontology object property");
    }

    @Test
    void everyEntityLabelHasAUniqueIdConstraint() throws IOException {
        String schema;
        try (Stream<Path> files = Files.list(Path.of("cypher/schema"))) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.toList()) {
                sb.append(Files.readString(f));
            }
            schema = sb.toString();
        }
        for (NodeClass c : ontology.entityClasses()) {
            assertTrue(Pattern.compile("FOR \\(n:" + c.label() + "\\) REQUIRE n.id IS UNIQUE").matcher(schema).find(),
                    "no uniqueness constraint on " + c.label() + ".id in cypher/schema");
        }
    }

    @Test
    void cypherNameScannerFindsLabelsAndTypes() {
        Set<String> labels = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        CypherNames.collect("MATCH (a:Artist {id: $x})<-[:BY]-(:Album)<-[r:ON_ALBUM|PERFORMED_BY*1..2]-(s:Song|Video) "
                + "WHERE s:Mlog AND s.name = 'x:Nope' // (:Comment)\nRETURN a", labels, types);
        assertEquals(Set.of("Artist", "Album", "Song", "Video", "Mlog"), labels);
        assertEquals(Set.of("BY", "ON_ALBUM", "PERFORMED_BY"), types);
    }
}
