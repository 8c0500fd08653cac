package io.melograph.recall;

import org.neo4j.driver.Driver;

/** What the vector-index channels share: a name, a description and the search against the index. */
abstract class VectorChannel implements RecallChannel {
    private final String name;
    private final String description;
    final VectorSearch search;

    VectorChannel(Driver driver, String name, String description) {
        this.search = new VectorSearch(driver);
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}
