package io.melograph.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** Checks {@code Authorization: Bearer <token>} against the configured tokens, in constant time. */
final class BearerToken {
    private BearerToken() {}

    /** Null when the request carries one of the tokens; else the 401 to send. */
    static HttpResponse<?> check(HttpRequest<?> request, List<String> tokens, String disabledMessage) {
        List<String> configured = tokens.stream().filter(t -> t != null && !t.isEmpty()).toList();
        if (configured.isEmpty()) {
            return deny(disabledMessage);
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            return deny("send Authorization: Bearer <token>");
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String t : configured) {
            ok |= MessageDigest.isEqual(given, t.getBytes(StandardCharsets.UTF_8));
        }
        return ok ? null : deny("wrong token");
    }

    private static HttpResponse<?> deny(String message) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"melograph\"")
                .body(Map.of("message", message));
    }
}
