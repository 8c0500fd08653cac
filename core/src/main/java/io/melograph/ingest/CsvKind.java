package io.melograph.ingest;

import java.util.List;

/** One documented CSV file format (import/README.md), derived from the ontology. */
public interface CsvKind {

    /** The kind's name, which is also the file's base name: songs for songs.csv. */
    String name();

    /** Every column the kind accepts, required ones first. */
    List<String> columns();

    /**
     * Checks a file's header and returns the mapper for its rows.
     *
     * @throws HeaderException naming every unknown or missing column
     */
    RowMapper mapper(String source, List<String> header) throws HeaderException;

    /** Turns one parsed CSV line into a row of graph records. */
    interface RowMapper {
        Row map(long line, List<String> fields);
    }

    /** The header is unusable; nothing in the file can be read. */
    final class HeaderException extends Exception {
        public HeaderException(String message) {
            super(message);
        }
    }
}
