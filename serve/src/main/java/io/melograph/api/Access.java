package io.melograph.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route. Every controller (or each of its methods) says it; {@link RouteGuard} checks it on the route
 * the router matched, so every spelling of a path that reaches the route is guarded alike, and a route that says
 * nothing is refused (fail closed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {

    Level value();

    /**
     * Largest body the route takes, in bytes, or a property placeholder such as {@code ${melograph.events.max-body:1048576}};
     * empty: the server-wide upload limit. Bodies announced as larger are refused before they are read.
     */
    String maxBody() default "";

    enum Level {
        /** Catalog reads, documentation, the guide: no listener's data. */
        PUBLIC,
        /** A listener's data or a write on their behalf: the apps' token (MELOGRAPH_EVENTS_TOKEN) or the admin token. */
        APP,
        /** Editors and operators: the admin token (MELOGRAPH_ADMIN_TOKEN). */
        ADMIN
    }
}
