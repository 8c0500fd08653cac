package io.melograph.ontology;

/** An ontology class = a node label. {@code csvFile} is the CSV kind that imports it (null if none). */
public record NodeClass(String iri, String label, String csvFile, boolean internal) {}
