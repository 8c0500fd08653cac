package io.melograph.api;

import io.melograph.graph.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener console in a real browser: the packaged service with a small demo community, Debian's Chromium
 * (headless) driven through its chromedriver. Open the console, pick a suggested listener, see their Daily list with
 * reasons, start Private FM, skip three times and see the radio change and the skips in the live activity panel.
 */
class ConsoleIT {
    private static final String TOKEN = "console-it-token";
    private static final Path JAR = Path.of(System.getProperty("melograph.jar", "tools/target/melograph.jar"));
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration UI_WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir
    Path home;
    private Process service;
    private String base;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        // no silent skip: without the browser this test cannot say anything, so it fails and says how to fix it
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ConsoleIT needs Debian's Chromium and its driver: apt-get install -y chromium chromium-driver "
                        + "(.ci/run installs them); missing " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM));
        int port = FreePort.find();
        base = "http://127.0.0.1:" + port;
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.java(), "-Xmx1g",
                "-jar", JAR.toAbsolutePath().toString(), "serve")
                .redirectErrorStream(true).redirectOutput(home.resolve("serve.log").toFile());
        Map<String, String> env = pb.environment();
        env.remove("NEO4J_URI");
        env.putAll(Map.of("MELOGRAPH_HOME", home.resolve("data").toString(), "MELOGRAPH_PORT", Integer.toString(port),
                "NEO4J_BOLT_PORT", Integer.toString(FreePort.find()), "NEO4J_HTTP_PORT", Integer.toString(FreePort.find()),
                "MELOGRAPH_ADMIN_TOKEN", TOKEN, "MELOGRAPH_DEMO_LISTENERS", "30", "MELOGRAPH_DEMO_DAYS", "7"));
        // this test is about the console, not latency: on a busy machine the scenes' 150-200 ms budgets time every
        // channel out and the scenes fall back to popular songs, which do not react to skips
        env.put("MELOGRAPH_SCENES_FM_BUDGET_MS", "5000");
        env.put("MELOGRAPH_SCENES_DAILY_BUDGET_MS", "5000");
        env.put("MELOGRAPH_RECALL_BUDGET_MS", "5000"); // recall is warm once its channels keep their budgets
        service = pb.start();
        awaitService();
        browser = chromium();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void skipsChangeTheRadioAndShowInTheActivityPanel() throws Exception {
        browser.get(base + "/console/");
        WebDriverWait wait = new WebDriverWait(browser, UI_WAIT);
        WebElement token = byTestId("token-input");
        token.sendKeys(TOKEN);

        // pick the first suggested listener (the most active one of the demo community)
        WebElement suggestion = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=suggestion]")));
        String listener = suggestion.getAttribute("data-id");
        assertTrue(listener.startsWith("sim:user:"), listener);
        suggestion.click();
        assertEquals(listener, byTestId("listener-input").getAttribute("value"));

        // the Daily list: songs with a reason, channels, a familiar/discovery marker and a drawn path
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=daily-item]")).size() >= 10);
        List<WebElement> daily = browser.findElements(By.cssSelector("[data-testid=daily-item]"));
        for (WebElement item : daily) {
            assertFalse(item.findElement(By.cssSelector("[data-testid=title]")).getText().isBlank());
            assertFalse(item.findElement(By.cssSelector("[data-testid=reason]")).getText().isBlank(), item.getText());
            assertFalse(item.findElement(By.cssSelector("[data-testid=marker]")).getText().isBlank());
        }
        long drawnPaths = daily.stream().filter(i -> !i.findElements(By.cssSelector("svg[data-testid=path] g")).isEmpty()).count();
        assertTrue(drawnPaths >= daily.size() / 2, drawnPaths + " of " + daily.size() + " Daily songs have a drawn path");
        // path nodes carry names resolved through GET /items, not bare ids
        assertTrue(browser.findElements(By.cssSelector("svg[data-testid=path] g[data-label='?']")).isEmpty(),
                "every path node resolved to a name");

        // Private FM
        byTestId("fm-next").click();
        wait.until(d -> nowPlaying() != null);
        List<String> played = new ArrayList<>(List.of(nowPlaying()));
        List<List<String>> artists = new ArrayList<>(List.of(nowArtists()));
        for (int skip = 1; skip <= 3; skip++) {
            String before = nowPlaying();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=fm-skip]"))).click();
            wait.until(d -> nowPlaying() != null && !nowPlaying().equals(before));
            assertEquals("", byTestId("status").getText(), "no error after skip " + skip);
            played.add(nowPlaying());
            artists.add(nowArtists());
        }
        assertEquals(4, new HashSet<>(played).size(), "a new song after every skip: " + played);
        assertEquals("4", byTestId("fm-now").getAttribute("data-position"));

        // the radio moved: it says what it avoids now, or the song after three skips shares no artist with them
        String avoiding = byTestId("fm-avoiding").getText();
        Set<String> skippedArtists = new HashSet<>();
        artists.subList(0, 3).forEach(skippedArtists::addAll);
        boolean artistMovedAway = artists.get(3).stream().noneMatch(skippedArtists::contains);
        assertTrue(!avoiding.equals("–") || artistMovedAway,
                "after 3 skips FM avoids something or moved away from the skipped artists " + skippedArtists + "; now " + artists.get(3));

        // the live activity panel (refreshed every 2 s) shows the three skips
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=activity-item][data-action=skip]")).size() >= 3);
        Matcher skips = Pattern.compile("(\\d+) skips").matcher(byTestId("activity-session").getText());
        assertTrue(skips.find() && Integer.parseInt(skips.group(1)) >= 3, byTestId("activity-session").getText());
        assertEquals(3, browser.findElements(By.cssSelector("[data-testid=fm-history-item][data-action=skip]")).size());

        Path shot = Path.of("tools/target", "console.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("ConsoleIT: " + listener + " played " + played + "; avoiding: " + avoiding + "; screenshot " + shot.toAbsolutePath());
    }

    private WebElement byTestId(String id) {
        return browser.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    /** The id of the song FM plays now, or null before FM answered. */
    private String nowPlaying() {
        return byTestId("fm-now").getAttribute("data-id");
    }

    private List<String> nowArtists() {
        String text = byTestId("fm-now").findElement(By.cssSelector(".artists")).getText();
        return text.isBlank() ? List.of() : List.of(text.split(",\\s*"));
    }

    /** Debian's Chromium through Debian's chromedriver, both named explicitly: Selenium Manager must not download. */
    private WebDriver chromium() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory(home, "chromium"));
        ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(home.resolve("chromedriver.log").toFile()).build();
        return new ChromeDriver(driverService, options);
    }

    /**
     * Up, the demo's listening aggregated into the graph (so the console has listeners to suggest) and recall warm
     * (/health says so once every channel's query is planned; before that the scenes may fall back to popular songs).
     */
    private void awaitService() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), () -> "the service died:\n" + log());
            try {
                HttpResponse<String> health = get("/health");
                if (health.statusCode() == 200 && health.body().contains("\"warm\":true")
                        && get("/users?limit=1").body().contains("sim:user:")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not come up with listeners and warmed-up recall:\n" + log());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String log() {
        try {
            return Files.readString(home.resolve("serve.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
