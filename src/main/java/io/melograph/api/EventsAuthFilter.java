package io.melograph.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.Map;

/**
 * POST /events is a write endpoint: it needs {@code Bearer $MELOGRAPH_EVENTS_TOKEN} (the apps' token) or the admin
 * token. A body announced as larger than the limit is refused before it is read.
 */
@ServerFilter("/events")
final class EventsAuthFilter {
    private final List<String> tokens;
    private final long maxBody;

    EventsAuthFilter(@Nullable @Value("${melograph.events.token:}") String eventsToken,
                     @Nullable @Value("${melograph.admin.token:}") String adminToken,
                     @Value("${melograph.events.max-body:1048576}") long maxBody) {
        this.tokens = List.of(eventsToken == null ? "" : eventsToken, adminToken == null ? "" : adminToken);
        this.maxBody = maxBody;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authorize(HttpRequest<?> request) {
        HttpResponse<?> denied = BearerToken.check(request, tokens,
                "event intake is closed: start the service with MELOGRAPH_EVENTS_TOKEN (or MELOGRAPH_ADMIN_TOKEN) set");
        if (denied != null) {
            return denied;
        }
        long length = request.getContentLength();
        if (length > maxBody) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(Map.of("message", "body larger than " + maxBody + " bytes; send smaller batches"));
        }
        return null;
    }
}
