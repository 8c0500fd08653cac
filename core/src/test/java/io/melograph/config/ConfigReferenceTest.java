package io.melograph.config;

import io.melograph.Sources;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReferenceTest {
    private final ConfigKeys keys = ConfigKeys.load();

    @Test
    void theReferenceInDocsIsTheOneTheRecordsMake() throws Exception {
        String made = ConfigReference.markdown(keys);
        assertEquals(made, Files.readString(Path.of("docs/configuration.md")),
                "docs/configuration.md is out of date: melograph config reference --out docs/configuration.md");
        assertTrue(made.contains("| `melograph.events.max-batch` | `MELOGRAPH_EVENTS_MAX_BATCH` | whole number | `1000` | events one request"));
        assertTrue(made.contains("| `melograph.scenes.<scene>.weights` | `MELOGRAPH_SCENES_<scene>_WEIGHTS` | text |"));
        assertTrue(made.contains("| `melograph.rank.deep.budget` | `MELOGRAPH_RANK_DEEP_BUDGET` | duration (30ms, 20s, 15m, 7d) | `30ms` |"));
        assertTrue(made.contains("| `neo4j.uri` | `NEO4J_URI` | text |  |"));
        assertFalse(made.contains("{@"), "javadoc tags are written as Markdown");
    }

    /**
     * The shaded jars keep one {@code META-INF/spring-configuration-metadata.json} of the several a build could make, so
     * the typed settings stay in core: a record in another module would lose its keys, and the start would refuse them.
     */
    @Test
    void settingsRecordsAreAllInCore() throws Exception {
        List<String> elsewhere = new java.util.ArrayList<>();
        for (String module : Sources.MODULES) {
            if (!module.equals("core")) {
                for (Path f : Sources.javaFilesOf(module)) {
                    String source = Files.readString(f);
                    if (source.contains("@ConfigurationProperties") || source.contains("@EachProperty")) {
                        elsewhere.add(f.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), elsewhere, "settings records outside core's config package");
    }

    @Test
    void keysAreKnownByTheirNameOrTheirEnvironmentVariable() {
        assertTrue(keys.known("melograph.scenes.fm.weights"));
        assertTrue(keys.known("MELOGRAPH_SCENES_FM_WEIGHTS"));
        assertTrue(keys.known("MELOGRAPH_SCENES_FM_EXPLORE_CHANNELS"), "a scene whose name has a hyphen");
        assertTrue(keys.known("melograph.scenes.daily.arm.fewer-familiar.familiar-share"), "an arm's own value");
        assertTrue(keys.known("MELOGRAPH_SCENES_DAILY_ARM_FEWER_FAMILIAR_FAMILIAR_SHARE"));
        assertTrue(keys.known("NEO4J_BOLT_PORT"));
        assertTrue(keys.known("melograph.recall.profiles.ttl-seconds"), "a nested record's key");
        assertFalse(keys.known("melograph.scenes.daily.wieghts"), "a typo");
        assertFalse(keys.known("MELOGRAPH_SCENES_DAYLY_SIZE"), "a scene there is none of");
        assertFalse(keys.known("melograph.scenes.daily.arm.tuned.arms"), "arms are the scene's, not an arm's");
        assertFalse(keys.known("melograph.recall.profiles"), "a record is no setting");
        assertFalse(keys.known("melograph.max.upload"), "the old spelling");
    }

    /**
     * Micronaut's own settings and annotations ({@code @Scheduled}) take some of ours through placeholders: each must be
     * a setting, and its fallback the record's default.
     */
    @Test
    void placeholdersAreSettingsAndFallBackToTheRecordsDefaults() throws Exception {
        List<Path> files = new java.util.ArrayList<>(List.of(Path.of("core/src/main/resources/application.yml")));
        files.addAll(Sources.javaFiles());
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\$\\{((?:melograph|neo4j)\\.[a-z0-9.-]+)(?::([^}]*))?}");
        int found = 0;
        for (Path file : files) {
            java.util.regex.Matcher m = placeholder.matcher(Files.readString(file));
            while (m.find()) {
                String key = m.group(1);
                ConfigKeys.Key setting = keys.keys().stream().filter(k -> k.name().equals(key)).findFirst()
                        .orElseThrow(() -> new AssertionError(file + " reads " + key + ", which is no setting"));
                assertEquals(setting.defaultValue(), m.group(2), file + ": " + key);
                found++;
            }
        }
        assertTrue(found >= 6, "port, upload and file sizes, event body, catalog and popularity refresh: " + found);
    }

    @Test
    void recordsRefuseValuesOutOfRangeNamingTheKey() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new EventsProperties(0, 1, 1, 1, 1, java.time.Duration.ofSeconds(10), null));
        assertEquals("melograph.events.max-batch must be at least 1, not 0", e.getMessage());
    }
}
