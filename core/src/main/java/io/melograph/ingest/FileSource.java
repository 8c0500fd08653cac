package io.melograph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A source read from one file; its rejects go next to it as {@code <file>.rejects.csv}. */
abstract class FileSource implements ImportSource {
    protected final Path path;

    FileSource(Path path) {
        this.path = path;
    }

    @Override
    public String name() {
        return path.getFileName().toString();
    }

    @Override
    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Path rejectsFile() {
        return path.resolveSibling(name() + ".rejects.csv");
    }
}
