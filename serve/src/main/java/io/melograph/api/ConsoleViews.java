package io.melograph.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Answers the listener console reads besides the scenes: suggested listeners, and names of a path's nodes. */
final class ConsoleViews {
    private ConsoleViews() {}

    /** The most active listeners, most plays first. */
    @Serdeable
    record Listeners(List<Listener> listeners) {}

    /** @param simulated one of the demo community's simulated listeners */
    @Serdeable
    record Listener(String id, String name, long plays, long songs, boolean simulated) {}

    /** The nodes found, in the order asked; {@code unknown} lists the ids that matched no node. */
    @Serdeable
    record Nodes(List<Node> items, List<String> unknown) {}

    /** @param label the node's label: Song, Artist, Album, Person, Genre, Tag, Video, Mlog, Playlist or User */
    @Serdeable
    record Node(String id, String name, String label) {}
}
