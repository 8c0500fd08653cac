package io.melograph.ontology;

import java.util.Set;

/**
 * A datatype property = a property key, on the nodes of {@code domain} or, when {@code relations} is not empty,
 * on those relationship types.
 */
public record Property(String iri, String key, Set<String> domain, Set<String> relations, Datatype datatype,
                       boolean functional, boolean internal) {}
