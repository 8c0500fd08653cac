package io.melograph.ingest.listens;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows that name no listener while none was given (Spotify's extended history since 2023 has no {@code username},
 * ListenBrainz's export no per-listen {@code user_name}): the file's first such row says what to do, once; the rest
 * are left out without a problem each.
 */
final class MissingListener {
    /** ListenBrainz names its exports (and the folders they unpack to) listenbrainz_USER_EPOCHSECONDS. */
    private static final Pattern LISTENBRAINZ_EXPORT = Pattern.compile("listenbrainz_(.+)_\\d+(\\.zip)?");

    private boolean said;

    /** Rejects the row: with the explanation the first time, silently after. */
    void reject(JsonFields f, String field, String what) {
        if (said) {
            throw new JsonFields.Reject();
        }
        said = true;
        f.error(field, what + ": give the listener with --user ID (e.g. --user me); the listens of this file are left out");
    }

    /** The user a ListenBrainz export's file or folder name carries, if it carries one. */
    static Optional<String> fromListenBrainzPath(Path file) {
        for (Path p = file.toAbsolutePath(); p != null && p.getFileName() != null; p = p.getParent()) {
            Matcher m = LISTENBRAINZ_EXPORT.matcher(p.getFileName().toString());
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
