package io.melograph.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;

/** Every /admin endpoint needs {@code Authorization: Bearer $MELOGRAPH_ADMIN_TOKEN}; without a configured token they are closed. */
@ServerFilter("/admin/**")
final class AdminAuthFilter {
    private final String token;

    AdminAuthFilter(@Nullable @Value("${melograph.admin.token:}") String token) {
        this.token = token;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authorize(HttpRequest<?> request) {
        return BearerToken.check(request, List.of(token == null ? "" : token),
                "admin endpoints are disabled: start the service with MELOGRAPH_ADMIN_TOKEN set");
    }
}
