package io.melograph.app;

import io.melograph.config.Role;
import io.melograph.djl.Djl;
import io.melograph.graph.GraphSettings;
import io.melograph.rank.deep.RankerSession;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the application context in the process's role: the HTTP service, a worker, or both; by {@code melograph serve}
 * and by the service jar.
 */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    /**
     * Runs the service until the process ends: the HTTP API on the one interface {@code MELOGRAPH_BIND} (or
     * {@code melograph.bind}) names, if set, with the service's threads for DJL and the deep rankers' scoring.
     *
     * @param parts beans the caller brings that this module does not have (the demo's simulated community)
     */
    public static void run(Object... parts) throws InterruptedException {
        String bind = System.getProperty("melograph.bind", System.getenv("MELOGRAPH_BIND"));
        if (bind != null && !bind.isBlank()) {
            System.setProperty("micronaut.server.host", bind.strip());
        }
        Djl.serving();
        RankerSession.serving();
        start(parts);
        // Micronaut's shutdown hook stops the server and the graph; this thread just waits for it
        Thread.currentThread().join();
    }

    /**
     * Starts the service; the home's tuned scene settings ({@link TunedScenes}), if any, override application.yml (a new
     * demo home gets the ones tuned on the demo community).
     */
    private static ApplicationContext start(Object... parts) {
        Role role = Role.of(GraphSettings.setting("MELOGRAPH_ROLE"), Role.ALL);
        GraphSettings settings = GraphSettings.fromEnvironment();
        role.checkShared(GraphSettings.setting("MELOGRAPH_KAFKA_BOOTSTRAP").filter(v -> !v.isBlank()).isPresent(),
                settings.external(), settings.sharedDir() != null);
        Micronaut micronaut = Micronaut.build(new String[0]).mainClass(Application.class).banner(false).singletons(parts);
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
