package io.melograph.ingest;

/**
 * One thing wrong with the input, located so an editor can fix it: {@code file:line: field: message} for CSV,
 * {@code file: <focus node>: path: message} for RDF. Warnings are reported; errors reject the row or resource.
 */
public record Problem(String source, String where, String field, String message, boolean warning) {

    public static Problem error(String source, long line, String field, String message) {
        return new Problem(source, Long.toString(line), field, message, false);
    }

    public static Problem warning(String source, long line, String field, String message) {
        return new Problem(source, Long.toString(line), field, message, true);
    }

    @Override
    public String toString() {
        String location = where.isEmpty() || where.equals("0") ? ""
                : (where.startsWith("<") || where.startsWith("_:") ? " " : "") + where + ":";
        return source + ":" + location + " " + (field == null || field.isEmpty() ? "" : field + ": ") + message
                + (warning ? " (warning)" : "");
    }
}
