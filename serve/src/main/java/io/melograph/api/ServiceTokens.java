package io.melograph.api;

import io.melograph.config.AdminProperties;
import io.melograph.config.EventsProperties;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Stream;

/** The configured bearer tokens: the apps' (MELOGRAPH_EVENTS_TOKEN) and the admin's (MELOGRAPH_ADMIN_TOKEN). */
@Singleton
final class ServiceTokens {
    private final String events;
    private final String admin;

    ServiceTokens(EventsProperties events, AdminProperties admin) {
        this.events = events.token();
        this.admin = admin.token();
    }

    /** Tokens that open listener data and listener writes: the apps' token and the admin token. */
    List<String> app() {
        return Stream.of(events, admin).filter(t -> !t.isEmpty()).toList();
    }

    List<String> admin() {
        return admin.isEmpty() ? List.of() : List.of(admin);
    }
}
