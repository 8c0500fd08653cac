package io.melograph.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * docs/configuration.md: every setting with its environment variable, type, default and meaning, written from the
 * configuration metadata ({@link ConfigKeys}), so that the reference cannot drift from the records the service binds.
 */
public final class ConfigReference {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("int", "whole number"), Map.entry("long", "whole number"), Map.entry("java.lang.Long", "whole number"),
            Map.entry("java.lang.Integer", "whole number"), Map.entry("double", "number"), Map.entry("boolean", "true/false"),
            Map.entry("java.lang.Boolean", "true/false"), Map.entry("java.lang.String", "text"),
            Map.entry("java.time.Duration", "duration (30ms, 20s, 15m, 7d)"),
            Map.entry("java.util.List<java.lang.String>", "list (a,b,c)"));

    private ConfigReference() {}

    /** Javadoc's inline tags as Markdown: {@code x} as `x`, {@link a.b.C#m} as `C.m`. */
    static String prose(String javadoc) {
        return javadoc.replaceAll("\\{@code ([^}]*)}", "`$1`")
                .replaceAll("\\{@link (?:[\\w.]*\\.)?(\\w+)#(\\w+)}", "`$1.$2`")
                .replaceAll("\\{@link (?:[\\w.]*\\.)?(\\w+)}", "`$1`");
    }

    public static String markdown(ConfigKeys keys) {
        StringBuilder out = new StringBuilder("""
                # Configuration reference

                Generated from the service's configuration records (`core/src/main/java/io/melograph/config`) by
                `melograph config reference --out docs/configuration.md`; a test fails when this file is out of date.

                Every setting can be given in `application.yml`, in a home's tuned scene values
                (`MELOGRAPH_HOME/config/scenes.yml`, written by `melograph tune scenes`), as an environment variable or as a
                system property (`-Dmelograph.events.max-batch=500`); each overrides the one before. A `MELOGRAPH_*`
                environment variable or a `melograph.*`/`neo4j.*` key in a file that is no setting stops the service at
                start with its name, as does a scene naming a channel recall does not have.

                Scenes (`<scene>`: %s) take every scene key; keys marked *(daily)* or *(fm)* matter to that scene only.
                An A/B arm's own value of any scene key but `arms` goes under `melograph.scenes.<scene>.arm.<arm>.<key>`
                (`MELOGRAPH_SCENES_DAILY_ARM_TUNED_FAMILIAR_SHARE=0.2`).
                """.formatted(String.join(", ", SceneProperties.SCENES.stream().map(s -> "`" + s + "`").toList())));
        List<ConfigKeys.Group> groups = keys.groups().stream().sorted(Comparator.comparing(ConfigKeys.Group::name)).toList();
        for (ConfigKeys.Group group : groups) {
            List<ConfigKeys.Key> own = keys.keys().stream().filter(k -> k.group().equals(group.type())).toList();
            if (own.isEmpty()) {
                continue;
            }
            out.append("\n## `").append(group.name().replace("*", "<scene>")).append("`\n\n");
            if (!group.description().isEmpty()) {
                out.append(prose(group.description())).append("\n\n");
            }
            out.append("| Key | Environment variable | Type | Default | Meaning |\n|---|---|---|---|---|\n");
            for (ConfigKeys.Key k : own) {
                out.append("| `").append(k.name().replace("*", "<scene>")).append("` | `").append(k.environmentVariable()).append("` | ")
                        .append(TYPES.getOrDefault(k.type(), k.type())).append(" | ")
                        .append(k.defaultValue().isEmpty() ? "" : "`" + k.defaultValue() + "`").append(" | ")
                        .append(prose(k.description()).replace("|", "\\|")).append(" |\n");
            }
        }
        return out.toString();
    }
}
