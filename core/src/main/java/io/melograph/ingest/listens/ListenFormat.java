package io.melograph.ingest.listens;

import java.util.Locale;
import java.util.Optional;

/** The exported listening histories Melograph reads, by the name the command line uses for each. */
public enum ListenFormat {
    /** Òscar Celma's lastfm-dataset-1K: {@code userid-timestamp-artid-artname-traid-traname.tsv}. */
    LASTFM_1K("lastfm-1k"),
    /** A ListenBrainz user export: JSON lines ({@code listens/YYYY/M.jsonl}, {@code listens.jsonl}) or a JSON array. */
    LISTENBRAINZ("listenbrainz"),
    /** A Spotify streaming history: {@code Streaming_History_Audio_*.json} / {@code endsong_*.json} or {@code StreamingHistory*.json}. */
    SPOTIFY_HISTORY("spotify-history");

    private final String cliName;

    ListenFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The format for a command-line name ({@code lastfm-1k}, {@code listenbrainz}, {@code spotify-history}). */
    public static Optional<ListenFormat> parse(String cliName) {
        if (cliName == null) {
            return Optional.empty();
        }
        String n = cliName.strip().toLowerCase(Locale.ROOT);
        for (ListenFormat f : values()) {
            if (f.cliName.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
