package io.melograph.app;

import io.melograph.graph.GraphSettings;
import io.melograph.graph.RunFile;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Writes {@code MELOGRAPH_HOME/service.run} while the HTTP server is up: the service owns the event journal, so
 * commands that produce events (listen imports, the simulator) find it there and post to it instead.
 */
@Singleton
final class ServiceRunFile {
    private final GraphSettings settings;
    private volatile RunFile runFile;

    ServiceRunFile(GraphSettings settings) {
        this.settings = settings;
    }

    @EventListener
    void started(ServerStartupEvent event) {
        runFile = RunFile.write(settings.home(), RunFile.SERVICE, URI.create("http://127.0.0.1:" + event.getSource().getPort()));
    }

    @EventListener
    void stopped(ServerShutdownEvent event) {
        RunFile r = runFile;
        if (r != null) {
            r.delete();
        }
    }
}
