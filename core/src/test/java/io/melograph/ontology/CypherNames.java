package io.melograph.ontology;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls labels (CamelCase after a colon) and relationship types (UPPER_SNAKE inside brackets) out of Cypher text. */
final class CypherNames {
    private static final Pattern STRINGS = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|//[^\\n]*");
    private static final Pattern LABELS = Pattern.compile("(?:[\\w)][ \\t]*|\\([ \\t]*):[ \\t]*!?([A-Z][a-z][A-Za-z0-9]*(?:\\s*[|&]\\s*!?[A-Z][a-z][A-Za-z0-9]*)*)");
    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern TYPES = Pattern.compile(":\\s*!?([A-Z][A-Z0-9_]*(?:\\s*\\|\\s*:?!?[A-Z][A-Z0-9_]*)*)");

    private CypherNames() {}

    static boolean looksLikeCypher(String text) {
        return text.contains("MATCH") || text.contains("MERGE") || text.contains("CREATE");
    }

    static void collect(String cypher, Set<String> labels, Set<String> types) {
        String text = STRINGS.matcher(cypher).replaceAll("''");
        Matcher l = LABELS.matcher(text);
        while (l.find()) {
            for (String name : l.group(1).split("[|&]")) {
                labels.add(name.strip().replace("!", ""));
            }
        }
        Matcher b = BRACKETS.matcher(text);
        while (b.find()) {
            Matcher t = TYPES.matcher(b.group(1));
            while (t.find()) {
                for (String name : t.group(1).split("\\|")) {
                    types.add(name.strip().replace(":", "").replace("!", ""));
                }
            }
        }
    }
}
