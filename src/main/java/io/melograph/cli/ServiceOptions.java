package io.melograph.cli;

import picocli.CommandLine.Option;

/** The options of every command that talks to a running service over HTTP: where it is and the token to send. */
final class ServiceOptions {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Service URL (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", required = true, description = "MELOGRAPH_EVENTS_TOKEN or the admin token.")
    String token;
}
