package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Catalog imports uploaded to {@code /admin/imports}.
 *
 * @param retention uploads are removed this long after they were made (never while their job runs)
 */
@ConfigurationProperties("melograph.imports")
public record ImportsProperties(@Bindable(defaultValue = "7d") Duration retention) {
    public ImportsProperties {
        Check.atLeast("melograph.imports.retention", retention.toMinutes(), 1);
    }
}
