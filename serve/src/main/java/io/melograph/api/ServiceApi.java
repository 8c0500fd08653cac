package io.melograph.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The HTTP API as its OpenAPI document names it: title, licence and the two bearer tokens (read at compile time). */
@OpenAPIDefinition(info = @Info(title = "Melograph", version = "0.1",
        description = "Knowledge-graph music recommender: catalog, import and (later) recommendation endpoints.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(name = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of MELOGRAPH_ADMIN_TOKEN")
@SecurityScheme(name = "eventsToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of MELOGRAPH_EVENTS_TOKEN (or the admin token)")
final class ServiceApi {
    private ServiceApi() {}
}
