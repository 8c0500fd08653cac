package io.melograph.api;

import io.melograph.util.ClasspathDir;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document generated at compile time, at a stable address, and the Swagger UI next to it. Served from
 * the classpath by stream rather than by Micronaut's static resources, whose jar handling closes the jar's shared zip
 * file system under Neo4j Browser.
 */
@Controller
@Access(Access.Level.PUBLIC)
@Hidden
final class OpenApiController {
    private static final String DIR = "META-INF/swagger/";
    private static final Map<String, String> TYPES = Map.of("html", MediaType.TEXT_HTML, "css", "text/css",
            "js", "application/javascript", "png", "image/png", "yml", "application/yaml");
    private final String specFile;

    OpenApiController() {
        List<String> files = ClasspathDir.list(DIR, ".yml");
        this.specFile = files.isEmpty() ? null : files.get(0);
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    HttpResponse<?> openapi() {
        return specFile == null ? HttpResponse.notFound() : file(DIR + specFile);
    }

    @Get("/swagger/{file}")
    HttpResponse<?> spec(@PathVariable String file) {
        return file.equals(specFile) ? file(DIR + file) : HttpResponse.notFound();
    }

    @Get("/swagger-ui/{+path}")
    HttpResponse<?> swaggerUi(@PathVariable String path) {
        // only plain names under the UI folder: no way up the classpath
        if (!path.matches("(res/)?[A-Za-z0-9._-]+") || path.contains("..")) {
            return HttpResponse.notFound();
        }
        return file(DIR + "views/swagger-ui/" + path);
    }

    @Get("/")
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }

    private static HttpResponse<?> file(String path) {
        InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(path);
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
}
