package io.melograph.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots for evaluation reports, drawn by XChart and written as PNG with an SVG beside it ({@link #files}).
 *
 * <p>Every chart is {@value #WIDTH}x{@value #HEIGHT} px on white, with series coloured from a fixed colour-blind
 * friendly palette (Okabe–Ito) in map iteration order. Empty input never throws: the axes are drawn and the title
 * says "no data". Parent folders of the target file are created; I/O failures surface as {@link UncheckedIOException}.
 */
public final class Charts {
    static {
        // before any AWT class touches the toolkit
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 900;
    static final int HEIGHT = 540;

    /** Okabe–Ito, ordered so the first colours are the most distinct on white; yellow (weak on white) last. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow
    };

    /** Alpha of the overlaid histogram fills. */
    static final int HISTOGRAM_ALPHA = 110;

    /** Above this many points a line has no markers: they would hide it. */
    private static final int MARKERS_UP_TO = 60;

    private Charts() {}

    /** Palette colour of series {@code i} (cycles after the eighth). */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** Line of series {@code i}: solid for the first eight, then dashed, then dotted, so no two series look alike. */
    static BasicStroke stroke(int i) {
        BasicStroke[] strokes = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT};
        return strokes[Math.min(strokes.length - 1, Math.floorDiv(i, PALETTE.length))];
    }

    /** Marker of series {@code i}, changing with its line after each eight. */
    private static org.knowm.xchart.style.markers.Marker marker(int i) {
        org.knowm.xchart.style.markers.Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND};
        return markers[Math.min(markers.length - 1, Math.floorDiv(i, PALETTE.length))];
    }

    /** The files a chart written to {@code png} consists of: the PNG and the SVG beside it. */
    public static List<Path> files(Path png) {
        return List.of(png, svg(png));
    }

    /** The SVG beside {@code png}: same folder and base name. */
    private static Path svg(Path png) {
        String name = png.getFileName().toString();
        return png.resolveSibling((name.endsWith(".png") ? name.substring(0, name.length() - 4) : name) + ".svg");
    }

    /**
     * One line (with markers) per entry; each value is an array of {@code {x, y}} points sorted by x. A point with a
     * non-finite y breaks the line; one with a non-finite x is dropped. Legend order is map iteration order.
     */
    public static void lines(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        XYChart chart = xyChart(xLabel, yLabel);
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (Map.Entry<String, double[][]> e : entries(series)) {
            List<double[]> points = new ArrayList<>();
            for (double[] p : e.getValue() == null ? new double[0][] : e.getValue()) {
                if (p != null && p.length >= 2 && Double.isFinite(p[0])) {
                    points.add(p);
                }
            }
            double[] x = new double[points.size()], y = new double[points.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = points.get(k)[0];
                xMin = Math.min(xMin, x[k]);
                xMax = Math.max(xMax, x[k]);
                y[k] = points.get(k)[1];
                if (Double.isFinite(y[k])) {
                    yMin = Math.min(yMin, y[k]);
                    yMax = Math.max(yMax, y[k]);
                } else {
                    y[k] = Double.NaN; // XChart breaks the line there
                }
            }
            if (x.length > 0) { // XChart refuses empty series
                XYSeries s = chart.addSeries(String.valueOf(e.getKey()), x, y);
                s.setLineColor(color(i));
                s.setLineStyle(stroke(i));
                s.setMarkerColor(color(i));
                s.setMarker(x.length > MARKERS_UP_TO ? SeriesMarkers.NONE : marker(i));
            }
            i++;
        }
        // a zero baseline when it costs little of the vertical resolution
        if (yMin > 0 && yMin <= 0.5 * yMax) {
            chart.getStyler().setYAxisMin(0.0);
        } else if (yMax < 0 && yMax >= 0.5 * yMin) {
            chart.getStyler().setYAxisMax(0.0);
        }
        padX(chart, xMin, xMax);
        write(chart, title, png);
    }

    /**
     * Overlaid, semi-transparent histograms (one per entry) over common bins spanning the global min..max of all
     * values; the y axis is the share of each group's finite values, so groups of different sizes compare. Non-finite
     * values are skipped. If all values are equal there is one bin around them.
     */
    public static void histogram(Path png, String title, String xLabel, Map<String, double[]> values, int bins) {
        XYChart chart = xyChart(xLabel, "share of users");
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : entries(values)) {
            List<Double> finite = new ArrayList<>();
            for (double d : e.getValue() == null ? new double[0] : e.getValue()) {
                if (Double.isFinite(d)) { // XChart's Histogram would count NaN in the first bin
                    finite.add(d);
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
            groups.put(e.getKey(), finite);
        }
        int nBins = Math.max(1, bins);
        if (lo == hi) { // one bin, half as wide as the axis, so it reads as a bar
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            chart.getStyler().setXAxisMin(lo - 2 * half);
            chart.getStyler().setXAxisMax(hi + 2 * half);
            lo -= half;
            hi += half;
            nBins = 1;
        } else {
            padX(chart, lo, hi);
        }
        double width = (hi - lo) / nBins;
        int i = 0;
        for (Map.Entry<String, List<Double>> e : groups.entrySet()) {
            List<Double> finite = e.getValue();
            if (!finite.isEmpty()) {
                List<Double> counts = new Histogram(finite, nBins, lo, hi).getyAxisData();
                // a step outline from the axis up over each bin and back down: x at bin edges, y the share to the right
                double[] x = new double[nBins + 3], y = new double[nBins + 3];
                x[0] = lo;
                for (int b = 0; b <= nBins; b++) {
                    x[b + 1] = b == nBins ? hi : lo + b * width; // XChart wants x ascending: no rounding past hi
                    y[b + 1] = counts.get(Math.min(b, nBins - 1)) / finite.size();
                }
                x[nBins + 2] = hi;
                XYSeries s = chart.addSeries(e.getKey() + " (n=" + compact(finite.size()) + ")", x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
                s.setMarker(SeriesMarkers.NONE);
                Color c = color(i);
                s.setLineColor(c);
                s.setLineStyle(stroke(i));
                s.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), HISTOGRAM_ALPHA));
            }
            i++;
        }
        chart.getStyler().setYAxisMin(0.0);
        write(chart, title, png);
    }

    /**
     * One bar per entry (map order, palette colours), its value after its name below the axis; the y axis includes 0
     * and a little headroom. A non-finite or null value gets no bar and "n/a".
     */
    public static void bars(Path png, String title, String yLabel, Map<String, Double> values) {
        List<String> names = new ArrayList<>();
        List<Double> finite = new ArrayList<>();
        double lo = 0, hi = 0;
        for (Map.Entry<String, Double> e : entries(values)) {
            double v = e.getValue() == null ? Double.NaN : e.getValue();
            // the value goes in the label: XChart prints values inside the bars, unreadable on short ones
            names.add(e.getKey() + ": " + compact(v));
            finite.add(Double.isFinite(v) ? v : null);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (finite.stream().allMatch(v -> v == null)) {
            write(xyChart("", yLabel), title, png); // XChart cannot draw a category chart without a value
            return;
        }
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
        style(chart, "", yLabel);
        chart.getStyler().setLegendVisible(false); // the categories name the bars
        chart.getStyler().setOverlapped(true); // full-width bars: each series holds one bar
        chart.getStyler().setXAxisLabelRotation(names.size() > 6 ? 45 : 0); // long model names would overlap
        for (int i = 0; i < names.size(); i++) {
            // one series per entry, valued only at its own category, so every bar takes its own palette colour
            List<Double> y = new ArrayList<>(Collections.nCopies(names.size(), (Double) null));
            y.set(i, finite.get(i));
            chart.addSeries(names.get(i), names, y).setFillColor(color(i));
        }
        // bars grow from 0 (XChart's own range would start them at the smallest value); the 5 % headroom also keeps
        // the range off the data's grid (see padX)
        double pad = hi == lo ? 1 : 0.05 * (hi - lo);
        chart.getStyler().setYAxisMin(lo < 0 ? lo - pad : 0.0);
        chart.getStyler().setYAxisMax(hi > 0 || lo == 0 ? hi + pad : 0.0);
        write(chart, title, png);
    }

    /** Compact number: 0.35, 12.3, 1.2k, 12M, 3.4B (three significant digits, trailing zeros dropped). */
    static String compact(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        double r = round3(v);
        double a = Math.abs(r);
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.2g", v).replace("e-0", "e-");
        }
        String[] suffix = {"", "k", "M", "B", "T"};
        int u = 0;
        while (u < suffix.length - 1 && a >= 1000) {
            r = round3(r / 1000);
            a = Math.abs(r);
            u++;
        }
        return plain(r) + suffix[u];
    }

    private static double round3(double v) {
        return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN)).doubleValue();
    }

    private static String plain(double v) {
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static <V> Iterable<Map.Entry<String, V>> entries(Map<String, V> m) {
        return m == null ? List.of() : m.entrySet();
    }

    /**
     * An x range 1 % wider than the data on each side. XChart 3.8.8 puts a tick on every value of evenly spaced data
     * (K = 1..50, tuner trials), whose labels then crowd; off that grid it picks round ticks instead.
     */
    private static void padX(XYChart chart, double lo, double hi) {
        if (lo < hi) {
            chart.getStyler().setXAxisMin(lo - 0.01 * (hi - lo));
            chart.getStyler().setXAxisMax(hi + 0.01 * (hi - lo));
        }
    }

    private static XYChart xyChart(String xLabel, String yLabel) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        style(chart, xLabel, yLabel);
        chart.getStyler().setSeriesLines(new BasicStroke[] {SeriesLines.SOLID}); // markers, not dashes, tell lines apart
        return chart;
    }

    /** Axis titles and the look shared by every chart: white, light grid, legend to the right, numbers with a dot. */
    private static void style(Chart<? extends AxesChartStyler, ?> chart, String xLabel, String yLabel) {
        chart.setXAxisTitle(xLabel == null ? "" : xLabel);
        chart.setYAxisTitle(yLabel == null ? "" : yLabel);
        AxesChartStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE3E3E3));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLocale(Locale.ROOT);
        s.setYAxisDecimalPattern("0.###");
        s.setXAxisTitleVisible(!chart.getXAxisTitle().isEmpty());
        s.setYAxisTitleVisible(!chart.getYAxisTitle().isEmpty());
    }

    /** Writes the chart as PNG and as SVG beside it, replacing existing files. */
    private static void write(Chart<? extends AxesChartStyler, ?> chart, String title, Path png) {
        chart.setTitle(chart.getSeriesMap().isEmpty() ? title + " — no data" : title);
        try {
            Path abs = png.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            try (OutputStream out = Files.newOutputStream(abs)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            try (OutputStream out = Files.newOutputStream(svg(abs))) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + png, e);
        }
    }
}
