package io.melograph.graph;

import io.melograph.util.ClasspathDir;

import java.util.ArrayList;
import java.util.List;

/** A file from {@code cypher/}: every query the application runs lives in one, next to the curators' queries. */
public record CypherFile(String path, String text) {

    public static CypherFile load(String path) {
        return new CypherFile(path, ClasspathDir.read("cypher/" + path));
    }

    /** The file's statements, split at semicolons outside strings and comments. */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (c == ';') {
                add(out, current);
                current.setLength(0);
            } else {
                if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                }
                current.append(c);
            }
        }
        add(out, current);
        return out;
    }

    /** The file's single statement. */
    public String statement() {
        List<String> all = statements();
        if (all.size() != 1) {
            throw new IllegalStateException("cypher/" + path + " must hold exactly one statement, found " + all.size());
        }
        return all.get(0);
    }

    private static void add(List<String> out, StringBuilder sb) {
        String s = sb.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
