/**
 * The service's typed configuration (and {@link io.melograph.config.Role} and {@link io.melograph.config.DemoMode},
 * what a process is and does): one record per concern, bound by Micronaut from application.yml, the home's
 * tuned scene values, environment variables and system properties. Each record's defaults and documentation are its
 * own ({@code @Bindable} and the record's javadoc); the compiler turns them into the configuration metadata that
 * {@link io.melograph.config.ConfigReference} writes as docs/configuration.md and {@link io.melograph.config.ConfigKeys}
 * checks settings against at start.
 */
package io.melograph.config;
