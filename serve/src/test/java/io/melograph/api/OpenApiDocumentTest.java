package io.melograph.api;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes the answers whose records live in core: their javadoc reaches it (serve/pom.xml). */
class OpenApiDocumentTest {
    @Test
    void describesTheAnswersCoreDefines() throws Exception {
        String document;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/swagger/melograph-0.1.yml")) {
            assertNotNull(in, "no OpenAPI document on the class path");
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(document.contains("Private FM's next song."), "FmNext (scene)");
        assertTrue(document.contains("A listener's Daily Recommendation for one day"), "DailyList (scene)");
        assertTrue(document.contains("What a stored model version is"), "ModelCard (registry)");
        assertTrue(document.contains("the strongest reason, for display"), "Pick (scene)");
    }
}
