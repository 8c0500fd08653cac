package io.melograph.recall;

import io.melograph.graph.GraphConnection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge-graph recall channels, one Cypher file each under {@code cypher/recall/}, with the sentence each
 * one says. Names are stable: requests, responses and evaluation reports use them.
 */
public final class Channels {
    private Channels() {}

    /** Every graph channel, by name, in a fixed order. */
    public static Map<String, RecallChannel> graphChannels(GraphConnection g) {
        Map<String, RecallChannel> all = new LinkedHashMap<>();
        for (RecallChannel c : List.of(
                channel(g, "kg-same-artist", "other songs by the artists of the listener's songs and favourite artists",
                        "same-artist.cypher", (r, s) -> r.path().size() == 2
                                ? "By *" + r.name(0) + "*, one of your artists"
                                : "By *" + r.name(1) + "*, like *" + r.name(0) + "*" + s.played(r.path().get(0))),
                channel(g, "kg-same-album", "the other tracks of the albums of the listener's songs", "same-album.cypher",
                        (r, s) -> "Same album (*" + r.name(1) + "*) as *" + r.name(0) + "*" + s.played(r.path().get(0))),
                channel(g, "kg-band-members", "the other work of band members of the listener's artists", "band-members.cypher",
                        (r, s) -> "By *" + r.name(-2) + "*, " + switch (r.detail()) {
                            case "band-of" -> "a band *" + r.name(-3) + "* plays in";
                            case "member-of" -> "a member of *" + r.name(-3) + "*";
                            default -> "which shares members with *" + r.name(-3) + "*";
                        } + (r.path().size() == 4 ? " (*" + r.name(0) + "*" + s.played(r.path().get(0)) + ")" : "")),
                channel(g, "kg-same-writer", "songs by the writers and producers of the listener's songs", "same-writer.cypher",
                        (r, s) -> ("PRODUCED_BY".equals(r.detail()) ? "Produced by *" + r.name(1) + "*, who also produced *"
                                : "Written by *" + r.name(1) + "*, who also wrote *") + r.name(0) + "*" + s.played(r.path().get(0))),
                channel(g, "kg-tags", "songs with the rare tags and genres of the listener's songs (IDF-weighted)", "tags.cypher",
                        (r, s) -> "Also " + ("genre".equals(r.detail()) ? "in the genre" : "tagged") + " *" + r.name(1) + "*, like *"
                                + r.name(0) + "*" + s.played(r.path().get(0))),
                channel(g, "kg-artist-tags", "songs of artists sharing rare tags with the listener's artists", "artist-tags.cypher",
                        (r, s) -> "By *" + r.name(-2) + "*, who shares the tag *" + r.name(-3) + "* with *" + r.name(-4) + "*"),
                channel(g, "kg-co-listened", "songs played in the same sessions as the listener's songs", "co-listened.cypher",
                        (r, s) -> "Often played in the same session as *" + r.name(0) + "*" + s.played(r.path().get(0))),
                new FriendsChannel(g),
                channel(g, "kg-videos", "videos and MLOGs with the listener's songs (cross-entity)", "videos-of-songs.cypher",
                        (r, s) -> "Uses *" + r.name(0) + "*" + s.played(r.path().get(0))),
                channel(g, "kg-watched-songs", "the songs of the videos and MLOGs the listener watched (cross-entity)",
                        "songs-of-watched.cypher", (r, s) -> "From the " + r.detail() + " *" + r.name(0) + "* you watched"),
                channel(g, "kg-playlists", "songs sharing playlists with the listener's songs", "playlists.cypher",
                        (r, s) -> "On the playlist *" + r.name(1) + "* with *" + r.name(0) + "*" + s.played(r.path().get(0))))) {
            all.put(c.name(), c);
        }
        return all;
    }

    /** Playlists for a listener (items of type playlist), by name. */
    public static Map<String, RecallChannel> playlistChannels(GraphConnection g) {
        Map<String, RecallChannel> all = new LinkedHashMap<>();
        for (RecallChannel c : List.of(
                channel(g, "pl-with-your-songs", "playlists holding the listener's songs", "playlists-with-your-songs.cypher",
                        (r, s) -> "Has *" + r.name(0) + "*" + s.played(r.path().get(0))
                                + (r.support() <= 1 ? "" : " and " + (r.support() - 1) + " more of your songs")),
                channel(g, "pl-similar-listeners", "playlists made by listeners who love the listener's songs",
                        "playlists-of-similar-listeners.cypher",
                        (r, s) -> "Made by *" + r.name(1) + "*, who also loves *" + r.name(0) + "*"),
                channel(g, "pl-your-genres", "playlists full of the genres and tags of the listener's songs",
                        "playlists-of-your-genres.cypher",
                        (r, s) -> "Full of *" + r.name(1) + "* (" + r.detail() + " songs), like *" + r.name(0) + "*" + s.played(r.path().get(0))))) {
            all.put(c.name(), c);
        }
        return all;
    }

    /** Artists similar to the seed artists (the artist-to-artist channel of GET /artists/{id}/similar). */
    public static RecallChannel similarArtists(GraphConnection g) {
        return channel(g, "kg-similar-artists", "artists sharing tags, members, credits, sessions or listeners with an artist",
                "similar-artists.cypher", (r, s) -> switch (r.detail() == null ? "" : r.detail()) {
                    case "tag" -> "Shares the tag *" + r.name(1) + "* with *" + r.name(0) + "*";
                    case "member" -> "Shares members with *" + r.name(0) + "*";
                    case "credit" -> "*" + r.name(1) + "* wrote or produced for both them and *" + r.name(0) + "*";
                    case "co-listened" -> "Their *" + r.name(1) + "* is often played in the same session as songs by *" + r.name(0) + "*";
                    default -> "Listeners of *" + r.name(0) + "* play them too";
                });
    }

    /** A channel whose sentence is a function of the row and the seeds. */
    private static RecallChannel channel(GraphConnection g, String name, String description, String file, Sentence sentence) {
        return new ItemCypherChannel(g, name, description, file, sentence);
    }

    /** A graph channel answering from its seed items alone: its answers per song can be stored. */
    private static final class ItemCypherChannel extends CypherChannel implements ItemChannel {
        private final Sentence sentence;

        ItemCypherChannel(GraphConnection g, String name, String description, String file, Sentence sentence) {
            super(g, name, description, file);
            this.sentence = sentence;
        }

        @Override
        protected String reason(Row row, Seeds seeds) {
            return sentence.of(row, seeds);
        }
    }

    @FunctionalInterface
    private interface Sentence {
        String of(CypherChannel.Row row, CypherChannel.Seeds seeds);
    }

    /** Friends' favourites: starts from the listener, not from seeds; kept per listener in the neighbour store. */
    private static final class FriendsChannel extends CypherChannel implements ItemChannel {
        FriendsChannel(GraphConnection g) {
            super(g, "kg-friends", "the favourite songs of the people the listener follows", "friends.cypher");
        }

        @Override
        protected boolean needsUser() {
            return true;
        }

        @Override
        public boolean startsFromListener() {
            return true;
        }

        @Override
        protected String reason(Row row, Seeds seeds) {
            return "*" + row.name(1) + "*, whom you follow, played it " + row.detail() + " times";
        }
    }

}
