package io.melograph.api;

import io.melograph.graph.GraphSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

/** The Micronaut HTTP service; started by {@code melograph serve}. */
@OpenAPIDefinition(info = @Info(title = "Melograph", version = "0.1",
        description = "Knowledge-graph music recommender: catalog, import and (later) recommendation endpoints.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(name = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of MELOGRAPH_ADMIN_TOKEN")
@SecurityScheme(name = "eventsToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of MELOGRAPH_EVENTS_TOKEN (or the admin token)")
public final class Application {
    private Application() {}

    /**
     * Starts the service; the home's tuned scene settings ({@link TunedScenes}), if any, override application.yml (a new
     * demo home gets the ones tuned on the demo community).
     */
    public static ApplicationContext start(String[] args) {
        Micronaut micronaut = Micronaut.build(args).mainClass(Application.class).banner(false);
        java.nio.file.Path home = GraphSettings.fromEnvironment().home();
        TunedScenes.installDemoDefaults(home, GraphSettings::setting);
        TunedScenes.load(home).ifPresent(micronaut::propertySources);
        return micronaut.start();
    }
}
