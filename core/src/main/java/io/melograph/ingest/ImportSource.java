package io.melograph.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file (or dataset) turned into rows of graph records. The importer reads a source several times
 * (validate, write nodes, write relationships), so {@link #read} must give the same rows every time.
 */
public interface ImportSource extends AutoCloseable {

    /** The name used in problems: the file's name as the editor gave it. */
    String name();

    void read(Consumer<Row> rows) throws IOException;

    /** Where rejected rows go with {@code --skip-invalid}. */
    Path rejectsFile();

    /** Column names of the rejects file, before the reason column. */
    List<String> rejectsHeader();

    /** Lets go of what reading needed (scratch files); the importer calls it when its run ends. */
    @Override
    default void close() {
    }

    /** Bytes to read, for progress; 0 when unknown. */
    default long size() {
        return 0;
    }
}
