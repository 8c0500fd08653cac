package io.melograph.api;

import io.melograph.config.Role;
import io.melograph.graph.GraphSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Micronaut HTTP service; started by {@code melograph serve}. */
@OpenAPIDefinition(info = @Info(title = "Melograph", version = "0.1",
        description = "Knowledge-graph music recommender: catalog, import and (later) recommendation endpoints.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(name = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of MELOGRAPH_ADMIN_TOKEN")
@SecurityScheme(name = "eventsToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of MELOGRAPH_EVENTS_TOKEN (or the admin token)")
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    /**
     * Starts the service; the home's tuned scene settings ({@link TunedScenes}), if any, override application.yml (a new
     * demo home gets the ones tuned on the demo community).
     */
    public static ApplicationContext start(String[] args) {
        Role role = Role.parse(GraphSettings.setting("MELOGRAPH_ROLE").orElse(Role.ALL.key()));
        GraphSettings settings = GraphSettings.fromEnvironment();
        role.checkShared(GraphSettings.setting("MELOGRAPH_KAFKA_BOOTSTRAP").filter(v -> !v.isBlank()).isPresent(),
                settings.external(), settings.sharedDir() != null);
        Micronaut micronaut = Micronaut.build(args).mainClass(Application.class).banner(false);
        java.nio.file.Path home = settings.home();
        TunedScenes.installDemoDefaults(home, GraphSettings::setting);
        TunedScenes.load(home).ifPresent(micronaut::propertySources);
        if (role.serves()) {
            return micronaut.start();
        }
        // a worker answers no HTTP: the context without its server, closed (its beans stopped) when the process ends
        ApplicationContext context = micronaut.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "worker-shutdown"));
        LOG.info("Melograph worker started: aggregation, Daily lists ahead, neighbour updates, retraining; no HTTP API");
        return context;
    }
}
