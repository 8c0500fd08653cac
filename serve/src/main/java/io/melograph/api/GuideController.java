package io.melograph.api;

import io.melograph.util.ClasspathDir;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The Neo4j Browser guide ({@code :play http://localhost:8080/guide/melograph.html}). Neo4j Browser fetches it
 * from its own origin, hence the CORS header; the content is public.
 */
@Controller("/guide")
@Access(Access.Level.PUBLIC)
@Hidden
final class GuideController {
    private final String html = ClasspathDir.read("guide/melograph.html");

    @Get(value = "/melograph.html", produces = MediaType.TEXT_HTML)
    HttpResponse<String> guide() {
        return HttpResponse.ok(html).header("Access-Control-Allow-Origin", "*");
    }
}
