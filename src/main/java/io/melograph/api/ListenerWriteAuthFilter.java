package io.melograph.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.Map;

/**
 * Scene requests that write (Private FM records an impression, onboarding writes choices) need the apps' token
 * ({@code MELOGRAPH_EVENTS_TOKEN}) or the admin token, like POST /events; bodies are small.
 */
@ServerFilter(patterns = {"/users/*/fm/**", "/users/*/onboarding"}, methods = HttpMethod.POST)
final class ListenerWriteAuthFilter {
    /** Onboarding choices are a few dozen ids. */
    static final long MAX_BODY = 16 * 1024;
    private final List<String> tokens;

    ListenerWriteAuthFilter(@Nullable @Value("${melograph.events.token:}") String eventsToken,
                            @Nullable @Value("${melograph.admin.token:}") String adminToken) {
        this.tokens = List.of(eventsToken == null ? "" : eventsToken, adminToken == null ? "" : adminToken);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authorize(HttpRequest<?> request) {
        HttpResponse<?> denied = BearerToken.check(request, tokens,
                "listener writes are closed: start the service with MELOGRAPH_EVENTS_TOKEN (or MELOGRAPH_ADMIN_TOKEN) set");
        if (denied == null && request.getContentLength() > MAX_BODY) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(Map.of("message", "body larger than " + MAX_BODY + " bytes"));
        }
        return denied;
    }
}
