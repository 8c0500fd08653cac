package io.melograph.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;


/**
 * The listener console's static files (serve/src/main/resources/console) at /console/. The page itself holds no listener
 * data: everything it shows comes from the API with the token the user types in.
 */
@Controller("/console")
@Hidden
@Access(Access.Level.PUBLIC)
final class ConsoleController {
    private static final String DIR = "console/";

    /** /console and /console/ alike (the router does not tell them apart; the page links its files absolutely). */
    @Get
    HttpResponse<?> page() {
        return ClasspathFiles.serve(DIR + "index.html");
    }

    @Get("/{file}")
    HttpResponse<?> file(@PathVariable String file) {
        return ClasspathFiles.plainName(file) ? ClasspathFiles.serve(DIR + file) : HttpResponse.notFound();
    }
}
