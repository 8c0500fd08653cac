package io.melograph.graph;

/** The graph cannot be reached or opened; the message says what to do. */
public class GraphUnavailableException extends RuntimeException {
    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
