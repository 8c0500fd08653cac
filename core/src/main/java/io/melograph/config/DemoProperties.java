package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The demo community simulated into a new demo home's journal at its first start (only in demo mode: the embedded
 * Neo4j with the file journal, or MELOGRAPH_SAMPLE=true).
 *
 * @param listeners simulated listeners
 * @param days      days of listening simulated, ending now
 */
@ConfigurationProperties("melograph.demo")
public record DemoProperties(@Bindable(defaultValue = DemoProperties.LISTENERS) int listeners,
                             @Bindable(defaultValue = DemoProperties.DAYS) int days) {
    /** The community the demo's tuned scene values were learned on (tuned/demo-scenes.yml). */
    public static final String LISTENERS = "300";
    public static final String DAYS = "28";

    public DemoProperties {
        Check.atLeast("melograph.demo.listeners", listeners, 0);
        Check.atLeast("melograph.demo.days", days, 1);
    }
}
