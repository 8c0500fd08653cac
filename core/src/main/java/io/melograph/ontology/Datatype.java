package io.melograph.ontology;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The XSD datatypes the ontology uses, with the one parser every importer shares. */
public enum Datatype {
    STRING("string"), INTEGER("integer"), DOUBLE("double"), BOOLEAN("boolean"), DATE("date"), DATETIME("dateTime"),
    /** Not parsed from text: vectors are computed, never imported. */
    OTHER("other");

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private final String xsdName;

    Datatype(String xsdName) {
        this.xsdName = xsdName;
    }

    public static Datatype fromIri(String iri) {
        if (iri == null || !iri.startsWith(XSD)) {
            return OTHER;
        }
        return switch (iri.substring(XSD.length())) {
            case "string", "anyURI", "normalizedString", "token", "language" -> STRING;
            case "integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "gYear" -> INTEGER;
            case "double", "float", "decimal" -> DOUBLE;
            case "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "dateTime", "dateTimeStamp" -> DATETIME;
            default -> OTHER;
        };
    }

    public String xsdName() {
        return xsdName;
    }

    /**
     * Parses a lexical form into the Java value the Neo4j driver stores natively
     * (Long, Double, Boolean, LocalDate, OffsetDateTime, String).
     *
     * @throws IllegalArgumentException with a message an editor can act on
     */
    public Object parse(String text) {
        String s = text.strip();
        try {
            return switch (this) {
                case STRING -> text;
                case INTEGER -> Long.parseLong(s);
                case DOUBLE -> {
                    double d = Double.parseDouble(s);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new NumberFormatException();
                    }
                    yield d;
                }
                case BOOLEAN -> switch (s.toLowerCase()) {
                    case "true", "1", "yes" -> Boolean.TRUE;
                    case "false", "0", "no" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("expected a boolean (true/false), got \"" + text + "\"");
                };
                case DATE -> LocalDate.parse(s);
                case DATETIME -> parseDateTime(s);
                case OTHER -> throw new IllegalArgumentException("this property cannot be imported");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + (this == INTEGER ? "an integer" : "a number")
                    + ", got \"" + text + "\"");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + (this == DATE ? "a date like 2024-03-31" : "a date-time like 2024-03-31T18:05:00Z")
                    + ", got \"" + text + "\"");
        }
    }

    private static OffsetDateTime parseDateTime(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            // a time without zone is read as UTC, the zone of every timestamp we store
            return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
        }
    }
}
