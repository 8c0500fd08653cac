package io.melograph.ingest.listens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.melograph.ingest.Problem;

import java.util.function.Consumer;

/**
 * Typed reads of one JSON record's fields, reporting at the field's own line. The first error rejects the record:
 * {@link #error} reports it and throws {@link Reject}, which the parser catches to move on, so every rejected record
 * costs exactly one error. Warnings do not stop the record.
 */
final class JsonFields {
    /** Thrown once a record's error is reported. */
    static final class Reject extends RuntimeException {
        Reject() {
            super(null, null, false, false);
        }
    }

    private final String source;
    private final JsonRecords.JsonRecord record;
    private final Consumer<Problem> problems;

    JsonFields(String source, JsonRecords.JsonRecord record, Consumer<Problem> problems) {
        this.source = source;
        this.record = record;
        this.problems = problems;
    }

    ObjectNode root() {
        return record.node();
    }

    /** Whether the record has the field at all (even as null). */
    boolean has(String name) {
        return record.node().has(name);
    }

    /** The value, or null when it is missing or JSON null. */
    static JsonNode get(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode v = parent.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** A string field; null when missing, null or blank. */
    String string(JsonNode parent, String path) {
        JsonNode v = get(parent, leaf(path));
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            error(path, "expected a string, found " + describe(v));
        }
        return ListenValues.emptyToNull(v.textValue());
    }

    /** A string field that must be there and not blank. */
    String required(JsonNode parent, String path, String what) {
        String s = string(parent, path);
        if (s == null) {
            error(path, "missing " + what);
        }
        return s;
    }

    /** An object field; null when missing or null. */
    ObjectNode object(JsonNode parent, String path) {
        JsonNode v = get(parent, leaf(path));
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            error(path, "expected an object, found " + describe(v));
        }
        return (ObjectNode) v;
    }

    /** A true/false field; null when missing or null. */
    Boolean bool(JsonNode parent, String path) {
        JsonNode v = get(parent, leaf(path));
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            error(path, "expected true, false or null, found " + describe(v));
        }
        return v.booleanValue();
    }

    /** A whole number field; null when missing or null. */
    Long wholeNumber(JsonNode parent, String path) {
        JsonNode v = get(parent, leaf(path));
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            error(path, "expected a number, found " + describe(v));
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            error(path, "expected a whole number, found " + v);
        }
        return v.longValue();
    }

    /** Reports an error at the field's line and rejects the record. */
    void error(String path, String message) {
        problems.accept(Problem.error(source, record.lineOf(path), path, message));
        throw new Reject();
    }

    void warning(String path, String message) {
        problems.accept(Problem.warning(source, record.lineOf(path), path, message));
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "the string \"" + v.textValue() + "\"";
        }
        if (v.isNumber()) {
            return "the number " + v;
        }
        if (v.isBoolean()) {
            return v.toString();
        }
        return v.isArray() ? "an array" : "an object";
    }
}
