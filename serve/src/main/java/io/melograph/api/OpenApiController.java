package io.melograph.api;

import io.melograph.util.ClasspathDir;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.List;

/**
 * The OpenAPI document generated at compile time, at a stable address, and the Swagger UI next to it, from the
 * classpath ({@link ClasspathFiles}: never Micronaut's static resources).
 */
@Controller
@Access(Access.Level.PUBLIC)
@Hidden
final class OpenApiController {
    private static final String DIR = "META-INF/swagger/";
    private final String specFile;

    OpenApiController() {
        List<String> files = ClasspathDir.list(DIR, ".yml");
        this.specFile = files.isEmpty() ? null : files.get(0);
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    HttpResponse<?> openapi() {
        return specFile == null ? HttpResponse.notFound() : ClasspathFiles.serve(DIR + specFile);
    }

    @Get("/swagger/{file}")
    HttpResponse<?> spec(@PathVariable String file) {
        return file.equals(specFile) ? ClasspathFiles.serve(DIR + file) : HttpResponse.notFound();
    }

    @Get("/swagger-ui/{+path}")
    HttpResponse<?> swaggerUi(@PathVariable String path) {
        // only plain names under the UI folder: no way up the classpath
        String name = path.startsWith("res/") ? path.substring(4) : path;
        if (!ClasspathFiles.plainName(name)) {
            return HttpResponse.notFound();
        }
        return ClasspathFiles.serve(DIR + "views/swagger-ui/" + path);
    }

    @Get("/")
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}
