package io.melograph.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.SystemPropertiesPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every setting the service reads, from the configuration metadata the compiler writes for the records of this package
 * ({@code META-INF/spring-configuration-metadata.json}): key, type, default, description, environment variable.
 * A setting not among them is a mistake (a typo, a key of another version) and is reported by name at start.
 */
public final class ConfigKeys {
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String OURS = ConfigKeys.class.getPackageName() + ".";

    /** One setting: {@code melograph.scenes.*.weights} stands for each scene's; {@code group} names its record. */
    public record Key(String name, String type, String defaultValue, String description, String group) {
        /** Its environment variable: {@code MELOGRAPH_SCENES_<SCENE>_WEIGHTS}. */
        public String environmentVariable() {
            return variable(name.replace("*", "<SCENE>")).replace("<SCENE>", "<scene>");
        }
    }

    /** A record of settings: its prefix and what it is about (the record's javadoc). */
    public record Group(String name, String type, String description) {}

    private final List<Key> keys;
    private final List<Group> groups;
    private final List<Pattern> names = new ArrayList<>();
    private final List<Pattern> variables = new ArrayList<>();

    private ConfigKeys(List<Key> keys, List<Group> groups) {
        this.keys = List.copyOf(keys);
        this.groups = List.copyOf(groups);
        for (Key k : keys) {
            add(k.name());
            if (k.name().startsWith(SceneProperties.PREFIX + "*.") && !k.name().endsWith(".arms")) {
                add(k.name().replace(SceneProperties.PREFIX + "*.", SceneProperties.PREFIX + "*.arm.*.")); // an A/B arm's own value
            }
        }
    }

    /** The settings of the records on the class path, in the order the compiler wrote them. */
    public static ConfigKeys load() {
        List<Key> keys = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(ConfigKeys.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    JsonNode metadata = json.readTree(in);
                    for (JsonNode g : metadata.path("groups")) {
                        if (g.path("type").asText().startsWith(OURS)) {
                            groups.add(new Group(g.path("name").asText(), g.path("type").asText(), text(g)));
                        }
                    }
                    for (JsonNode p : metadata.path("properties")) {
                        if (p.path("sourceType").asText().startsWith(OURS) && !isGroup(p)) {
                            keys.add(new Key(p.path("name").asText(), p.path("type").asText(), p.path("defaultValue").asText(""), text(p),
                                    p.path("sourceType").asText()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration metadata " + METADATA, e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no configuration metadata (" + METADATA + ") on the class path: was the build's annotation processing skipped?");
        }
        return new ConfigKeys(keys, groups);
    }

    private static String text(JsonNode node) {
        return node.path("description").asText("").replaceAll("\\s+", " ").strip();
    }

    /** A nested record's own entry (melograph.recall.profiles): its keys are listed one by one. */
    private static boolean isGroup(JsonNode p) {
        return p.path("type").asText().startsWith(OURS);
    }

    public List<Key> keys() {
        return keys;
    }

    public List<Group> groups() {
        return groups;
    }

    private void add(String name) {
        names.add(pattern(name, false));
        variables.add(pattern(name, true));
    }

    /**
     * Whether {@code key} (melograph.scenes.fm.weights) or environment variable (MELOGRAPH_SCENES_FM_WEIGHTS) is a
     * setting. A key is matched as spelled ({@code melograph.max.upload} is not {@code melograph.max-upload}).
     */
    public boolean known(String key) {
        boolean variable = key.equals(key.toUpperCase());
        return (variable ? variables : names).stream().anyMatch(p -> p.matcher(key).matches());
    }

    /**
     * Throws naming the first key of a configuration file ({@code melograph.*}, {@code neo4j.*}) or environment variable
     * ({@code MELOGRAPH_*}) that is no setting. Of system properties only the old dotted spellings of settings are
     * refused ({@code -Dneo4j.bolt.port} for {@code neo4j.bolt-port}): a JVM carries many properties of its own.
     * Values a file sets as a list ({@code channels: [a, b]}) arrive as {@code key[0]}, {@code key[1]}.
     */
    public void check(Environment env) {
        for (PropertySource source : env.getPropertySources()) {
            boolean system = source.getName().equals(SystemPropertiesPropertySource.NAME);
            boolean variables = source.getConvention() == PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE;
            for (String key : source) {
                String name = key.replaceAll("\\[\\d+]$", "");
                boolean ours = variables ? name.startsWith("MELOGRAPH_") && !SERVICE_LINK.matcher(name).matches()
                        : name.startsWith("melograph.") || name.startsWith("neo4j.");
                if (!variables && !system && PROCESS.contains(name)) {
                    throw new IllegalStateException(name + " is read before the configuration files (it decides how the "
                            + "process starts): set it as " + variable(name)
                            + " or -D" + name + ", not in " + source.getName());
                }
                if (!ours || known(name) || system && !known(variable(name))) {
                    continue;
                }
                throw new IllegalStateException("unknown setting " + name + " (" + (variables ? "environment variable"
                        : system ? "system property; keys put hyphens between words, as in neo4j.bolt-port" : "in " + source.getName())
                        + "); every setting, its type, default and environment variable: docs/configuration.md");
            }
        }
    }

    /** Settings the process reads from its environment before Micronaut reads files: a file must not contradict them. */
    private static final java.util.Set<String> PROCESS = java.util.Set.of("melograph.role", "melograph.shared-dir");

    /** A key's environment variable, as Micronaut matches them: {@code neo4j.bolt-port} is {@code NEO4J_BOLT_PORT}. */
    private static String variable(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase();
    }

    /** Variables Kubernetes (and Docker links) set for a service named melograph: not ours to judge. */
    private static final Pattern SERVICE_LINK = Pattern.compile("MELOGRAPH_(SERVICE_(HOST|PORT)\\w*|PORT_\\d+_(TCP|UDP|SCTP)\\w*)");

    /** The key as spelled or as its environment variable; the first {@code *} is one of the scenes, a second an arm's name. */
    private static Pattern pattern(String name, boolean variable) {
        java.util.function.UnaryOperator<String> form = s -> variable ? variable(s) : s;
        String[] parts = form.apply(name).split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(i == 1 ? "(?:" + String.join("|", SceneProperties.SCENES.stream().map(s -> Pattern.quote(form.apply(s))).toList()) + ")"
                        : variable ? "[A-Z0-9_]+" : "[a-z0-9-]+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
