package io.melograph.ontology;

import java.util.Set;

/**
 * An object property = a relationship type between labels.
 *
 * @param column     the CSV column that holds it in the domain's entity file (the property's local name)
 * @param csvFile    a dedicated relationship file kind (e.g. playlist_songs), or null
 * @param keyedBy    property that tells parallel relationships between the same two nodes apart, or null
 * @param derived    computed by Melograph from behaviour, so not a column of entity files
 */
public record Relation(String iri, String type, String column, Set<String> domain, Set<String> range,
                       String csvFile, String headColumn, String tailColumn, String keyedBy, boolean derived) {

    /** The only label a reference can have when the range is a single class, else null. */
    public String singleRange() {
        return range.size() == 1 ? range.iterator().next() : null;
    }

    public String singleDomain() {
        return domain.size() == 1 ? domain.iterator().next() : null;
    }
}
