package io.melograph.api;

import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guards routes, not path strings: the router has already matched the request (whatever its spelling: trailing
 * slash, doubled slashes, encoded characters), and the matched route's {@link Access} says which token it needs.
 * A route without {@link Access} is refused; requests no route matched (static files, 404s) pass.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RouteGuard {
    private final List<String> appTokens;
    private final List<String> adminTokens;
    private final Environment environment;
    /** Body limits by their declaration (a number or a property placeholder), resolved once. */
    private final Map<String, Long> bodyLimits = new ConcurrentHashMap<>();

    RouteGuard(ServiceTokens tokens, Environment environment) {
        this.appTokens = tokens.app();
        this.adminTokens = tokens.admin();
        this.environment = environment;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> guard(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return null;
        }
        AnnotationMetadata metadata = route.get().getAnnotationMetadata();
        Access.Level level = metadata.enumValue(Access.class, Access.Level.class).orElse(null);
        if (level == null) {
            // management endpoints: only /health is enabled, and it is not sensitive (application.yml)
            if (metadata.hasStereotype(Endpoint.class)) {
                return null;
            }
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("message", "this route declares no access rule"));
        }
        HttpResponse<?> denied = switch (level) {
            case PUBLIC -> null;
            case APP -> BearerToken.check(request, appTokens,
                    "listener data and writes are closed: start the service with MELOGRAPH_EVENTS_TOKEN (or MELOGRAPH_ADMIN_TOKEN) set");
            case ADMIN -> BearerToken.check(request, adminTokens,
                    "admin endpoints are disabled: start the service with MELOGRAPH_ADMIN_TOKEN set");
        };
        if (denied != null) {
            return denied;
        }
        String maxBody = metadata.stringValue(Access.class, "maxBody").orElse("");
        if (!maxBody.isEmpty()) {
            long limit = bodyLimits.computeIfAbsent(maxBody,
                    m -> Long.parseLong(environment.getPlaceholderResolver().resolveRequiredPlaceholders(m).strip()));
            if (request.getContentLength() > limit) {
                return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                        .body(Map.of("message", "body larger than " + limit + " bytes"));
            }
        }
        return null;
    }
}
