package io.melograph.ingest.listens;

import io.melograph.ingest.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one exported listening-history file into {@link Listen}s, streaming, so a file of any size is read in
 * bounded memory. Every record that cannot be read is reported as one error {@link Problem}
 * ({@code file:line: field: message}) and skipped; records skipped on purpose (podcast episodes, for instance) are
 * reported as warnings. Reading goes on after a bad record wherever the format allows.
 */
public interface ListenParser {

    /**
     * @param file      the export file
     * @param user      the user to attribute the listens to when the format has none per row (Spotify, ListenBrainz:
     *                  one person's export); Last.fm 1K rows carry their own user id and ignore it. When it is null or
     *                  blank, a row's own user field ({@code user_name}, {@code username}) is used if it has one.
     * @param listens   receives each listen, in file order
     * @param problems  receives each problem, in file order
     * @throws IOException when the file cannot be read at all
     */
    void parse(Path file, String user, Consumer<Listen> listens, Consumer<Problem> problems) throws IOException;

    static ListenParser of(ListenFormat format) {
        return switch (format) {
            case LASTFM_1K -> new LastFm1kParser();
            case LISTENBRAINZ -> new ListenBrainzParser();
            case SPOTIFY_HISTORY -> new SpotifyHistoryParser();
        };
    }
}
