package io.melograph.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Every /admin endpoint needs {@code Authorization: Bearer $MELOGRAPH_ADMIN_TOKEN}; without a configured token they are closed. */
@ServerFilter("/admin/**")
final class AdminAuthFilter {
    private final String token;

    AdminAuthFilter(@Nullable @Value("${melograph.admin.token:}") String token) {
        this.token = token == null ? "" : token;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authorize(HttpRequest<?> request) {
        if (token.isEmpty()) {
            return deny("admin endpoints are disabled: start the service with MELOGRAPH_ADMIN_TOKEN set");
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            return deny("send Authorization: Bearer <MELOGRAPH_ADMIN_TOKEN>");
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            return deny("wrong admin token");
        }
        return null;
    }

    private static HttpResponse<?> deny(String message) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"melograph-admin\"")
                .body(Map.of("message", message));
    }
}
