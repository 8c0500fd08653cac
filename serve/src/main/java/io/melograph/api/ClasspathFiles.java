package io.melograph.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Files of the classpath as HTTP answers, read by stream through the class loader. Never through Micronaut's static
 * resources: its resource loader opens the jar's zip file system (one per jar in the JVM, shared with Neo4j Browser,
 * which is served from the same jar) and closes it after each file, and Neo4j Browser answers 404 from then on.
 */
final class ClasspathFiles {
    private static final Map<String, String> TYPES = Map.of("html", MediaType.TEXT_HTML, "css", "text/css",
            "js", "application/javascript", "png", "image/png", "yml", "application/yaml");

    private ClasspathFiles() {}

    /** The file at {@code path} (from the classpath root), typed by its extension; 404 when there is none. */
    static HttpResponse<?> serve(String path) {
        InputStream in = ClasspathFiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            return HttpResponse.notFound();
        }
        try (in) {
            String ext = path.substring(path.lastIndexOf('.') + 1);
            return HttpResponse.ok(in.readAllBytes()).contentType(TYPES.getOrDefault(ext, MediaType.APPLICATION_OCTET_STREAM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code name} is a plain file name: no way up or across the classpath. */
    static boolean plainName(String name) {
        return name.matches("[A-Za-z0-9._-]+") && !name.contains("..");
    }
}
