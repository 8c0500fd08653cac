package io.melograph.api;

import io.melograph.events.Ids;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * The bounds every listener- and item-facing request keeps (else 400): ids by the one rule {@link Ids} that
 * {@code POST /events} applies too, limits in range.
 */
final class RequestChecks {
    private RequestChecks() {}

    /** An item id (song, artist, genre ...). */
    static void id(String id) {
        check("id", Ids.problem(id, Ids.MAX_ID));
    }

    /** A listener id: the same rule as the userId of an event. */
    static void userId(String id) {
        check("user id", Ids.problem(id, Ids.MAX_USER_ID));
    }

    static void idAndLimit(String id, int limit, int maxLimit) {
        id(id);
        limit(limit, maxLimit);
    }

    static void userIdAndLimit(String id, int limit, int maxLimit) {
        userId(id);
        limit(limit, maxLimit);
    }

    static void limit(int limit, int maxLimit) {
        if (limit < 1 || limit > maxLimit) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + maxLimit);
        }
    }

    private static void check(String what, String problem) {
        if (problem != null) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, what + ": " + problem);
        }
    }
}
