package io.melograph.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void linesDrawEverySeriesInItsColourInsideThePlot() throws IOException {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("popularity", curve(0.02, 0.25));
        series.put("item-knn", curve(0.05, 0.38));
        series.put("graph-ppr", curve(0.07, 0.44));
        Path png = dir.resolve("nested/dir/hitrate.png");

        Charts.lines(png, "HitRate@K", "K", "HitRate", series);

        BufferedImage img = read(png);
        for (int i = 0; i < series.size(); i++) {
            // left of the legend: the lines and markers themselves, not just the legend swatches
            assertTrue(count(img, Charts.color(i), 0, 650, 3) > 50, "series " + i + " colour in the plot area");
        }
    }

    @Test
    void seriesPastThePaletteGetAnotherLineSoNoTwoLookAlike() {
        int n = 3 * Charts.PALETTE.length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                assertTrue(!Charts.color(i).equals(Charts.color(j)) || !Charts.stroke(i).equals(Charts.stroke(j)),
                        "series " + i + " and " + j);
            }
        }
    }

    @Test
    void linesSkipNonFinitePointsAndSurviveSingletonsAndFlatLines() throws IOException {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("flat", new double[][] {{1, 0.5}, {2, 0.5}, {3, Double.NaN}, {4, 0.5}});
        series.put("single", new double[][] {{2, 0.5}});
        series.put("null", null);
        Path png = dir.resolve("odd.png");

        Charts.lines(png, "odd", "x", "y", series);

        BufferedImage img = read(png);
        assertTrue(count(img, Charts.color(0), 0, 650, 3) > 20);
        assertTrue(count(img, Charts.color(1), 0, 650, 3) > 5);
    }

    @Test
    void histogramShowsEveryGroup() throws IOException {
        Random rnd = new Random(7);
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("item-knn", sample(rnd, 2000, 0.30, 0.12));
        values.put("graph-ppr", sample(rnd, 500, 0.45, 0.10));
        values.get("graph-ppr")[3] = Double.NaN;
        Path png = dir.resolve("ndcg-hist.png");

        Charts.histogram(png, "nDCG@10 per user", "nDCG@10", values, 25);

        BufferedImage img = read(png);
        for (int i = 0; i < values.size(); i++) {
            Color c = Charts.color(i);
            long solid = count(img, c, 0, 650, 8);
            long filled = count(img, blendOnWhite(c, Charts.HISTOGRAM_ALPHA), 0, 650, 8);
            assertTrue(solid + filled > 200, "group " + i + " drawn (outline " + solid + ", fill " + filled + ")");
        }
    }

    @Test
    void histogramOfIdenticalValuesIsOneBin() throws IOException {
        Path png = dir.resolve("same.png");

        Charts.histogram(png, "all equal", "value", Map.of("m", new double[] {0.2, 0.2, 0.2, Double.NaN}), 10);

        BufferedImage img = read(png);
        assertTrue(count(img, blendOnWhite(Charts.color(0), Charts.HISTOGRAM_ALPHA), 0, 650, 8) > 1000);
    }

    @Test
    void barsUseOneColourPerEntry() throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("popularity", 0.02);
        values.put("item-knn", 0.18);
        values.put("graph-ppr", 0.31);
        values.put("graph-ppr-diversified", 0.47);
        Path png = dir.resolve("longtail.png");

        Charts.bars(png, "Long-tail share of recommendations", "share", values);

        BufferedImage img = read(png);
        for (int i = 0; i < values.size(); i++) {
            assertTrue(count(img, Charts.color(i), 0, Charts.WIDTH, 3) > 100, "bar " + i);
        }
    }

    @Test
    void barsHandleNegativeAndMissingValues() throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("a", -0.4);
        values.put("b", 1.5);
        values.put("c", null);
        values.put("d", Double.NaN);
        Path png = dir.resolve("neg.png");

        Charts.bars(png, "lift", "Δ", values);

        BufferedImage img = read(png);
        assertTrue(count(img, Charts.color(0), 0, Charts.WIDTH, 3) > 100);
        assertTrue(count(img, Charts.color(1), 0, Charts.WIDTH, 3) > 100);
    }

    @Test
    void emptyInputsStillProduceAFrame() throws IOException {
        Charts.lines(dir.resolve("l0.png"), "empty", "x", "y", Map.of());
        Charts.lines(dir.resolve("l1.png"), "empty series", "x", "y", Map.of("m", new double[0][]));
        Charts.lines(dir.resolve("l2.png"), "null", "x", "y", null);
        Charts.histogram(dir.resolve("h0.png"), "empty", "x", Map.of(), 10);
        Charts.histogram(dir.resolve("h1.png"), "only NaN", "x", Map.of("m", new double[] {Double.NaN}), 10);
        Charts.bars(dir.resolve("b0.png"), "empty", "y", Map.of());
        Charts.bars(dir.resolve("b1.png"), "only NaN", "y", Map.of("m", Double.NaN));

        for (String name : new String[] {"l0", "l1", "l2", "h0", "h1", "b0", "b1"}) {
            BufferedImage img = read(dir.resolve(name + ".png"));
            assertTrue(count(img, Color.WHITE, 0, Charts.WIDTH, 0) < (long) Charts.WIDTH * Charts.HEIGHT,
                    name + " has a frame and text, not just white");
        }
    }

    @Test
    void overwritesAnExistingFile() throws IOException {
        Path png = dir.resolve("again.png");
        Files.writeString(png, "x".repeat(10_000_000));

        Charts.bars(png, "t", "y", Map.of("a", 1.0));

        read(png);
        assertTrue(Files.size(png) < 1_000_000);
    }

    @Test
    void everyChartHasAnSvgBesideItsPngWithTheSeriesColours() throws Exception {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("popularity", curve(0.02, 0.25));
        series.put("item-knn", curve(0.05, 0.38));
        Map<String, double[]> perUser = new LinkedHashMap<>();
        perUser.put("popularity", sample(new Random(3), 300, 0.3, 0.1));
        perUser.put("item-knn", sample(new Random(4), 300, 0.4, 0.1));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("popularity", 0.02);
        values.put("item-knn", 0.18);

        Charts.lines(dir.resolve("l.png"), "t", "x", "y", series);
        Charts.histogram(dir.resolve("h.png"), "t", "x", perUser, 10);
        Charts.bars(dir.resolve("b.png"), "t", "y", values);

        for (String name : new String[] {"l", "h", "b"}) {
            Path png = dir.resolve(name + ".png");
            Path svg = dir.resolve(name + ".svg");
            assertEquals(List.of(png, svg), Charts.files(png));
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no W3C fetch
            Element root = xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            assertEquals("svg", root.getTagName(), name);
            assertEquals("0 0 " + Charts.WIDTH + " " + Charts.HEIGHT, root.getAttribute("viewBox"), name);
            String text = Files.readString(svg);
            for (int i = 0; i < 2; i++) {
                Color c = Charts.color(i);
                assertTrue(text.contains("rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")"),
                        name + ".svg has series " + i + "'s colour");
            }
        }
    }

    @Test
    void compactNumbers() {
        assertEquals("0", Charts.compact(0));
        assertEquals("0.35", Charts.compact(0.35));
        assertEquals("0.347", Charts.compact(0.34712));
        assertEquals("12.3", Charts.compact(12.34));
        assertEquals("1.2k", Charts.compact(1200));
        assertEquals("1k", Charts.compact(999.7));
        assertEquals("12M", Charts.compact(12_000_000));
        assertEquals("1M", Charts.compact(999_999));
        assertEquals("-3.5k", Charts.compact(-3500));
        assertEquals("0.0012", Charts.compact(0.0012));
        assertEquals("n/a", Charts.compact(Double.NaN));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static BufferedImage read(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " written");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " is a readable image");
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        return img;
    }

    /** Pixels within {@code tolerance} per channel of {@code c}, in columns [x0, x1). */
    private static long count(BufferedImage img, Color c, int x0, int x1, int tolerance) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - c.getRed()) <= tolerance
                        && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) <= tolerance
                        && Math.abs((rgb & 0xff) - c.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Color blendOnWhite(Color c, int alpha) {
        double a = alpha / 255.0;
        return new Color((int) Math.round(c.getRed() * a + 255 * (1 - a)),
                (int) Math.round(c.getGreen() * a + 255 * (1 - a)),
                (int) Math.round(c.getBlue() * a + 255 * (1 - a)));
    }

    private static double[][] curve(double at1, double at50) {
        double[][] pts = new double[50][];
        for (int k = 1; k <= 50; k++) {
            double t = Math.log(k) / Math.log(50);
            pts[k - 1] = new double[] {k, at1 + (at50 - at1) * t};
        }
        return pts;
    }

    private static double[] sample(Random rnd, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.max(0, Math.min(1, mean + sd * rnd.nextGaussian()));
        }
        return v;
    }
}
