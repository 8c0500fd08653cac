package io.melograph.events;

import io.melograph.graph.GraphConnection;

import java.nio.file.Path;

/**
 * The simulated community a new demo home starts with (its events become the journal's {@link SeedSegment}). The
 * simulator provides it to the all-in-one command ({@code melograph serve}); a process started without it (a serving
 * image without the tools) has no demo community.
 */
@FunctionalInterface
public interface DemoSeed {

    /** Simulates {@code listeners} over {@code days} into the graph and the seed of {@code home}/journal if it is new. */
    boolean createIfFirstStart(GraphConnection graph, Path home, int listeners, int days);
}
