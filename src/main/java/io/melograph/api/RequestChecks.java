package io.melograph.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** The bounds every listener- and item-facing request keeps: ids of sane length, limits in range (else 400). */
final class RequestChecks {
    static final int MAX_ID = 256;

    private RequestChecks() {}

    static void id(String id) {
        if (id.length() > MAX_ID) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "id longer than " + MAX_ID + " characters");
        }
    }

    static void idAndLimit(String id, int limit, int maxLimit) {
        id(id);
        if (limit < 1 || limit > maxLimit) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + maxLimit);
        }
    }
}
