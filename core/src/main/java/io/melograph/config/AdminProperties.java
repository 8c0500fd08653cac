package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The editors' and operators' endpoints ({@code /admin/*}).
 *
 * @param token the admin's bearer token for {@code /admin/**}; unset: those endpoints answer 401
 */
@ConfigurationProperties("melograph.admin")
public record AdminProperties(@Nullable String token) {
    public AdminProperties {
        token = token == null ? "" : token;
    }
}
