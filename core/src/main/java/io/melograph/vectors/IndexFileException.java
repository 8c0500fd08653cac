package io.melograph.vectors;

import java.io.IOException;

/** A vector index file that is missing, of another kind or version, cut short or altered: never an empty index. */
public final class IndexFileException extends IOException {
    IndexFileException(String message) {
        super(message);
    }

    IndexFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
