package io.melograph.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * PNG plots for evaluation reports, drawn with plain Java2D (headless, no extra dependencies).
 *
 * <p>Every chart is {@value #WIDTH}x{@value #HEIGHT} px on white, anti-aliased, in the logical font "SansSerif",
 * with series coloured from a fixed colour-blind friendly palette (Okabe–Ito) in map iteration order. Empty input
 * never throws: the frame is drawn with "no data". Parent folders of the target file are created; I/O failures
 * surface as {@link UncheckedIOException}.
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

    private static final String FONT = "SansSerif";
    private static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 18);
    private static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 14);
    private static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 12);
    private static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 13);
    private static final Font VALUE_FONT = new Font(FONT, Font.BOLD, 12);
    private static final Font NO_DATA_FONT = new Font(FONT, Font.ITALIC, 16);

    private static final Color TEXT = new Color(0x222222);
    private static final Color TICK_TEXT = new Color(0x444444);
    private static final Color AXIS = new Color(0x555555);
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color MUTED = new Color(0x999999);

    private static final int LEGEND_TEXT_MAX = 210;
    private static final int LEGEND_ROW = 22;
    private static final int LEGEND_SWATCH = 26;

    private Charts() {}

    /** Palette colour of series {@code i} (cycles after the eighth). */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    // ------------------------------------------------------------------------------------------------ line chart

    /**
     * One line (with markers) per entry; each value is an array of {@code {x, y}} points sorted by x. Points with a
     * non-finite coordinate are skipped and break the line. Legend order is map iteration order.
     */
    public static void lines(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        Canvas c = new Canvas();
        List<String> names = new ArrayList<>();
        List<double[][]> data = new ArrayList<>();
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        boolean integerX = true;
        if (series != null) {
            for (Map.Entry<String, double[][]> e : series.entrySet()) {
                names.add(String.valueOf(e.getKey()));
                double[][] pts = e.getValue() == null ? new double[0][] : e.getValue();
                data.add(pts);
                for (double[] p : pts) {
                    if (!finitePoint(p)) {
                        continue;
                    }
                    xMin = Math.min(xMin, p[0]);
                    xMax = Math.max(xMax, p[0]);
                    yMin = Math.min(yMin, p[1]);
                    yMax = Math.max(yMax, p[1]);
                    integerX &= p[0] == Math.rint(p[0]);
                }
            }
        }
        int legendW = legendWidth(c, names);
        Frame f = new Frame(c, title, xLabel, yLabel, legendW, false);
        if (xMin > xMax) {
            f.noData();
            if (!names.isEmpty()) {
                f.legend(names, (i, x, y) -> lineSwatch(c.g, i, x, y));
            }
            c.write(png);
            return;
        }
        // a zero baseline when it costs little of the vertical resolution
        if (yMin > 0 && yMin <= 0.5 * yMax) {
            yMin = 0;
        } else if (yMax < 0 && yMax >= 0.5 * yMin) {
            yMax = 0;
        }
        final int pad = 8;
        Scale ys = Scale.vertical(c, yMin, yMax, f.bottom - pad, f.top + pad, true);
        f.layoutLeft(ys);
        Scale xs = Scale.horizontal(c, xMin, xMax, f.left + pad, f.right - pad, true, integerX);
        f.axes(xs, ys);

        Graphics2D g = c.g;
        Shape oldClip = g.getClip();
        g.clip(new Rectangle2D.Double(f.left + 1, f.top - pad, f.right - f.left + pad, f.bottom - f.top + pad - 1));
        int n = data.size();
        double markerSize = markerSize(data, xs);
        for (int i = 0; i < n; i++) {
            g.setColor(color(i));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D path = new Path2D.Double();
            boolean open = false;
            for (double[] p : data.get(i)) {
                if (!finitePoint(p)) {
                    open = false;
                    continue;
                }
                double px = xs.px(p[0]), py = ys.px(p[1]);
                if (open) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    open = true;
                }
            }
            g.draw(path);
        }
        for (int i = 0; i < n; i++) {
            g.setColor(color(i));
            for (double[] p : data.get(i)) {
                if (finitePoint(p)) {
                    g.fill(marker(i, xs.px(p[0]), ys.px(p[1]), markerSize));
                }
            }
        }
        g.setClip(oldClip);
        f.legend(names, (i, x, y) -> lineSwatch(g, i, x, y));
        c.write(png);
    }

    private static boolean finitePoint(double[] p) {
        return p != null && p.length >= 2 && Double.isFinite(p[0]) && Double.isFinite(p[1]);
    }

    /** Markers shrink when points crowd (e.g. hundreds of K values), never below 3 px. */
    private static double markerSize(List<double[][]> data, Scale xs) {
        int most = 0;
        for (double[][] pts : data) {
            most = Math.max(most, pts.length);
        }
        double spacing = most <= 1 ? 100 : Math.abs(xs.pHi - xs.pLo) / (most - 1);
        return Math.max(3, Math.min(8, spacing * 0.7));
    }

    /** A marker shape per series (circle, square, triangle, diamond, inverted triangle) to help print and colour-blind readers. */
    private static Shape marker(int series, double x, double y, double size) {
        double r = size / 2;
        switch (Math.floorMod(series, 5)) {
            case 1: {
                double s = r * 0.9;
                return new Rectangle2D.Double(x - s, y - s, 2 * s, 2 * s);
            }
            case 2: {
                Path2D t = new Path2D.Double();
                double s = r * 1.2;
                t.moveTo(x, y - s);
                t.lineTo(x + s, y + s * 0.75);
                t.lineTo(x - s, y + s * 0.75);
                t.closePath();
                return t;
            }
            case 3: {
                Path2D d = new Path2D.Double();
                double s = r * 1.25;
                d.moveTo(x, y - s);
                d.lineTo(x + s, y);
                d.lineTo(x, y + s);
                d.lineTo(x - s, y);
                d.closePath();
                return d;
            }
            case 4: {
                Path2D t = new Path2D.Double();
                double s = r * 1.2;
                t.moveTo(x, y + s);
                t.lineTo(x + s, y - s * 0.75);
                t.lineTo(x - s, y - s * 0.75);
                t.closePath();
                return t;
            }
            default:
                return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private static void lineSwatch(Graphics2D g, int i, double x, double y) {
        g.setColor(color(i));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, y, x + LEGEND_SWATCH, y));
        g.fill(marker(i, x + LEGEND_SWATCH / 2.0, y, 8));
    }

    // ------------------------------------------------------------------------------------------------ histogram

    /**
     * Overlaid, semi-transparent histograms (one per entry) over common bin edges spanning the global min..max of all
     * values; the y axis is the share of each group's (non-NaN) values, so groups of different sizes compare.
     * Non-finite values are skipped. If all values are equal there is one bin around them.
     */
    public static void histogram(Path png, String title, String xLabel, Map<String, double[]> values, int bins) {
        Canvas c = new Canvas();
        List<String> names = new ArrayList<>();
        List<double[]> groups = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        if (values != null) {
            for (Map.Entry<String, double[]> e : values.entrySet()) {
                double[] v = e.getValue() == null ? new double[0] : e.getValue();
                groups.add(v);
                int n = 0;
                for (double d : v) {
                    if (Double.isFinite(d)) {
                        n++;
                        lo = Math.min(lo, d);
                        hi = Math.max(hi, d);
                    }
                }
                names.add(e.getKey() + " (n=" + compact(n) + ")");
            }
        }
        int legendW = legendWidth(c, names);
        Frame f = new Frame(c, title, xLabel, "share of users", legendW, false);
        if (lo > hi) {
            f.noData();
            if (!names.isEmpty()) {
                f.legend(names, (i, x, y) -> histogramSwatch(c.g, i, x, y));
            }
            c.write(png);
            return;
        }
        int nBins = Math.max(1, bins);
        // the axis spans the bins, or twice the single bin around identical values so it reads as a bar
        double axisLo, axisHi;
        if (lo == hi) {
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            axisLo = lo - 2 * half;
            axisHi = hi + 2 * half;
            lo -= half;
            hi += half;
            nBins = 1;
        } else {
            axisLo = lo;
            axisHi = hi;
        }
        double width = (hi - lo) / nBins;
        double[][] shares = new double[groups.size()][];
        double maxShare = 0;
        for (int gi = 0; gi < groups.size(); gi++) {
            double[] counts = new double[nBins];
            int n = 0;
            for (double d : groups.get(gi)) {
                if (!Double.isFinite(d)) {
                    continue;
                }
                int b = (int) Math.floor((d - lo) / width);
                counts[Math.max(0, Math.min(nBins - 1, b))]++;
                n++;
            }
            if (n > 0) {
                for (int b = 0; b < nBins; b++) {
                    counts[b] /= n;
                    maxShare = Math.max(maxShare, counts[b]);
                }
                shares[gi] = counts;
            }
        }
        Scale ys = Scale.vertical(c, 0, Math.min(1, maxShare * 1.04), f.bottom, f.top + 4, true);
        f.layoutLeft(ys);
        final int pad = 6;
        Scale xs = Scale.horizontal(c, axisLo, axisHi, f.left + pad, f.right - pad, false, false);
        f.axes(xs, ys);

        Graphics2D g = c.g;
        double base = ys.px(0);
        for (int gi = 0; gi < shares.length; gi++) {
            if (shares[gi] == null) {
                continue;
            }
            Color col = color(gi);
            g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), HISTOGRAM_ALPHA));
            for (int b = 0; b < nBins; b++) {
                if (shares[gi][b] > 0) {
                    double x0 = xs.px(lo + b * width), x1 = xs.px(lo + (b + 1) * width), top = ys.px(shares[gi][b]);
                    g.fill(new Rectangle2D.Double(x0, top, x1 - x0, base - top));
                }
            }
        }
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        for (int gi = 0; gi < shares.length; gi++) {
            if (shares[gi] == null) {
                continue;
            }
            Path2D outline = new Path2D.Double();
            outline.moveTo(xs.px(lo), base);
            for (int b = 0; b < nBins; b++) {
                double top = ys.px(shares[gi][b]);
                outline.lineTo(xs.px(lo + b * width), top);
                outline.lineTo(xs.px(lo + (b + 1) * width), top);
            }
            outline.lineTo(xs.px(hi), base);
            g.setColor(color(gi));
            g.draw(outline);
        }
        f.spines();
        f.legend(names, (i, x, y) -> histogramSwatch(g, i, x, y));
        c.write(png);
    }

    private static void histogramSwatch(Graphics2D g, int i, double x, double y) {
        Color col = color(i);
        Rectangle2D r = new Rectangle2D.Double(x + 3, y - 7, LEGEND_SWATCH - 6, 14);
        g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), HISTOGRAM_ALPHA));
        g.fill(r);
        g.setColor(col);
        g.setStroke(new BasicStroke(1.6f));
        g.draw(r);
    }

    // ------------------------------------------------------------------------------------------------ bar chart

    /**
     * One bar per entry (map order, palette colours) with its value printed at the bar's end. The y axis runs from 0
     * (or the minimum, if negative) to a nice maximum. Non-finite values get no bar and "n/a".
     */
    public static void bars(Path png, String title, String yLabel, Map<String, Double> values) {
        Canvas c = new Canvas();
        List<String> names = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        double lo = 0, hi = 0;
        boolean any = false;
        if (values != null) {
            for (Map.Entry<String, Double> e : values.entrySet()) {
                names.add(String.valueOf(e.getKey()));
                Double v = e.getValue();
                double d = v == null ? Double.NaN : v;
                vals.add(d);
                if (Double.isFinite(d)) {
                    any = true;
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        FontMetrics tfm = c.metrics(TICK_FONT);
        int categoryH = 2 * tfm.getHeight() + 8;
        Frame f = new Frame(c, title, "", yLabel, 0, true, categoryH);
        if (!any) {
            f.noData();
            c.write(png);
            return;
        }
        if (lo == 0 && hi == 0) {
            hi = 1;
        }
        // headroom for the value labels
        double span = hi - lo;
        FontMetrics vfm = c.metrics(VALUE_FONT);
        double labelShare = (vfm.getHeight() + 6.0) / Math.max(1, f.bottom - f.top);
        if (hi > 0) {
            hi += span * labelShare * 1.3;
        }
        if (lo < 0) {
            lo -= span * labelShare * 1.3;
        }
        Scale ys = Scale.vertical(c, lo, hi, f.bottom, f.top, true);
        f.layoutLeft(ys);
        f.axes(null, ys);

        Graphics2D g = c.g;
        int n = names.size();
        double slot = (f.right - f.left) / (double) n;
        double barW = Math.min(slot * 0.62, 110);
        double zero = ys.px(0);
        for (int i = 0; i < n; i++) {
            double cx = f.left + slot * (i + 0.5);
            double v = vals.get(i);
            String label;
            double labelY;
            if (Double.isFinite(v)) {
                double top = ys.px(v);
                g.setColor(color(i));
                g.fill(new Rectangle2D.Double(cx - barW / 2, Math.min(top, zero), barW, Math.abs(zero - top)));
                label = compact(v);
                labelY = v >= 0 ? top - 5 - vfm.getDescent() : top + 4 + vfm.getAscent();
            } else {
                label = "n/a";
                labelY = zero - 5 - vfm.getDescent();
            }
            Font vf = fitFont(c, VALUE_FONT, label, slot - 4);
            c.text(label, vf, TEXT, cx, labelY, 0.5, false);
            // category label below the axis: one line, or two at a natural break, else ellipsized
            List<String> lines = categoryLines(c, names.get(i), slot - 6);
            double y = f.bottom + 8 + tfm.getAscent();
            for (String line : lines) {
                c.text(line, TICK_FONT, TEXT, cx, y, 0.5, false);
                y += tfm.getHeight();
            }
        }
        if (lo < 0) {
            g.setColor(AXIS);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(f.left, Math.round(zero), f.right, Math.round(zero)));
        }
        f.spines();
        c.write(png);
    }

    private static Font fitFont(Canvas c, Font font, String s, double width) {
        Font f = font;
        while (c.metrics(f).stringWidth(s) > width && f.getSize2D() > 9) {
            f = f.deriveFont(f.getSize2D() - 1);
        }
        return f;
    }

    private static List<String> categoryLines(Canvas c, String name, double width) {
        FontMetrics fm = c.metrics(TICK_FONT);
        if (fm.stringWidth(name) <= width) {
            return List.of(name);
        }
        // best break at a space, '-', '_', '/' or '.' that balances the two lines
        int best = -1;
        int bestWidth = Integer.MAX_VALUE;
        for (int k = 1; k < name.length() - 1; k++) {
            char ch = name.charAt(k);
            if (ch == ' ' || ch == '-' || ch == '_' || ch == '/' || ch == '.') {
                int cut = ch == ' ' ? k : k + 1;
                int w = Math.max(fm.stringWidth(name.substring(0, cut).strip()), fm.stringWidth(name.substring(cut).strip()));
                if (w < bestWidth) {
                    bestWidth = w;
                    best = cut;
                }
            }
        }
        if (best < 0) {
            return List.of(ellipsize(fm, name, width));
        }
        return List.of(ellipsize(fm, name.substring(0, best).strip(), width),
                ellipsize(fm, name.substring(best).strip(), width));
    }

    // ------------------------------------------------------------------------------------------------ numbers

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

    /** Tick label with as many decimals as the step needs, the same for every tick of an axis; k/M/B from 10,000. */
    static String tickLabel(double v, double step, double maxAbs) {
        double unit = 1;
        String suffix = "";
        if (maxAbs >= 1e10) {
            unit = 1e9;
            suffix = "B";
        } else if (maxAbs >= 1e7) {
            unit = 1e6;
            suffix = "M";
        } else if (maxAbs >= 1e4) {
            unit = 1e3;
            suffix = "k";
        }
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
            if (unit > 1) {
                return "0";
            }
        }
        double s = step / unit;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(s) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v / unit) + suffix;
    }

    // ------------------------------------------------------------------------------------------------ layout

    private static String ellipsize(FontMetrics fm, String s, double width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        int end = s.length();
        while (end > 0 && fm.stringWidth(s.substring(0, end) + "…") > width) {
            end--;
        }
        return s.substring(0, end).stripTrailing() + "…";
    }

    private static int legendWidth(Canvas c, List<String> names) {
        if (names.isEmpty()) {
            return 0;
        }
        FontMetrics fm = c.metrics(LEGEND_FONT);
        int w = 0;
        for (String n : names) {
            w = Math.max(w, Math.min(LEGEND_TEXT_MAX, fm.stringWidth(n)));
        }
        return LEGEND_SWATCH + 8 + w;
    }

    @FunctionalInterface
    private interface Swatch {
        void draw(int series, double x, double centreY);
    }

    /** The image, its graphics and text helpers. */
    private static final class Canvas {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();

        Canvas() {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
        }

        FontMetrics metrics(Font f) {
            return g.getFontMetrics(f);
        }

        /** Draws {@code s} with its baseline at y; hAlign 0 = left, 0.5 = centre, 1 = right. */
        void text(String s, Font f, Color color, double x, double baseline, double hAlign, boolean vertical) {
            if (s == null || s.isEmpty()) {
                return;
            }
            g.setFont(f);
            g.setColor(color);
            float w = (float) f.getStringBounds(s, g.getFontRenderContext()).getWidth();
            if (vertical) {
                AffineTransform old = g.getTransform();
                g.translate(x, baseline);
                g.rotate(-Math.PI / 2);
                g.drawString(s, (float) (-w * hAlign), 0f);
                g.setTransform(old);
            } else {
                g.drawString(s, (float) (x - w * hAlign), (float) baseline);
            }
        }

        void write(Path png) {
            g.dispose();
            try {
                Path abs = png.toAbsolutePath();
                if (abs.getParent() != null) {
                    Files.createDirectories(abs.getParent());
                }
                ImageIO.setUseCache(false);
                try (OutputStream out = Files.newOutputStream(abs)) {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write chart " + png, e);
            }
        }
    }

    /** Margins, title, axis labels, ticks, gridlines, spines and legend around the plot rectangle. */
    private static final class Frame {
        final Canvas c;
        final String yLabel;
        final String xLabel;
        final String title;
        final boolean categorical;
        int left;
        final int right;
        final int top;
        final int bottom;
        final int legendX;

        Frame(Canvas c, String title, String xLabel, String yLabel, int legendW, boolean categorical) {
            this(c, title, xLabel, yLabel, legendW, categorical, 0);
        }

        Frame(Canvas c, String title, String xLabel, String yLabel, int legendW, boolean categorical, int categoryH) {
            this.c = c;
            this.title = title == null ? "" : title;
            this.xLabel = xLabel == null ? "" : xLabel;
            this.yLabel = yLabel == null ? "" : yLabel;
            this.categorical = categorical;
            FontMetrics tf = c.metrics(TITLE_FONT);
            FontMetrics lf = c.metrics(LABEL_FONT);
            FontMetrics kf = c.metrics(TICK_FONT);
            this.top = 16 + tf.getHeight() + 14;
            int below = categorical ? categoryH : 8 + kf.getHeight();
            this.bottom = HEIGHT - (below + (this.xLabel.isEmpty() ? 12 : 8 + lf.getHeight() + 10));
            this.right = legendW > 0 ? WIDTH - legendW - 44 : WIDTH - 28;
            this.legendX = this.right + 26;
            this.left = 16 + lf.getHeight() + 10 + kf.stringWidth("0.0") + 10;
        }

        /** Left margin from the widest y tick label. */
        void layoutLeft(Scale ys) {
            FontMetrics kf = c.metrics(TICK_FONT);
            FontMetrics lf = c.metrics(LABEL_FONT);
            int w = 0;
            for (String s : ys.labels) {
                w = Math.max(w, kf.stringWidth(s));
            }
            left = 16 + (yLabel.isEmpty() ? 0 : lf.getHeight() + 8) + w + 10;
        }

        void decorate() {
            FontMetrics tf = c.metrics(TITLE_FONT);
            String t = ellipsize(tf, title, WIDTH - 40);
            int tw = tf.stringWidth(t);
            double cx = (left + right) / 2.0;
            cx = Math.max(20 + tw / 2.0, Math.min(WIDTH - 20 - tw / 2.0, cx));
            c.text(t, TITLE_FONT, TEXT, cx, 16 + tf.getAscent(), 0.5, false);

            FontMetrics lf = c.metrics(LABEL_FONT);
            if (!xLabel.isEmpty()) {
                c.text(ellipsize(lf, xLabel, right - left), LABEL_FONT, TEXT, (left + right) / 2.0,
                        HEIGHT - 10 - lf.getDescent(), 0.5, false);
            }
            if (!yLabel.isEmpty()) {
                c.text(ellipsize(lf, yLabel, bottom - top), LABEL_FONT, TEXT, 16 + lf.getAscent(),
                        (top + bottom) / 2.0, 0.5, true);
            }
        }

        void spines() {
            Graphics2D g = c.g;
            g.setColor(AXIS);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(left, top, left, bottom));
            g.draw(new Line2D.Double(left, bottom, right, bottom));
        }

        /** Gridlines, ticks, tick labels (x may be null for categorical axes), spines, title and labels. */
        void axes(Scale xs, Scale ys) {
            Graphics2D g = c.g;
            FontMetrics kf = c.metrics(TICK_FONT);
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i < ys.ticks.length; i++) {
                double y = Math.round(ys.px(ys.ticks[i]));
                g.setColor(GRID);
                if (bottom - y > 10) { // no gridline hugging the spine
                    g.draw(new Line2D.Double(left + 1, y, right, y));
                }
                g.setColor(AXIS);
                g.draw(new Line2D.Double(left - 5, y, left, y));
                c.text(ys.labels[i], TICK_FONT, TICK_TEXT, left - 8, y + (kf.getAscent() - kf.getDescent()) / 2.0, 1, false);
            }
            if (xs != null) {
                for (int i = 0; i < xs.ticks.length; i++) {
                    double x = Math.round(xs.px(xs.ticks[i]));
                    g.setColor(GRID);
                    if (x - left > 10) {
                        g.draw(new Line2D.Double(x, top, x, bottom - 1));
                    }
                    g.setColor(AXIS);
                    g.draw(new Line2D.Double(x, bottom, x, bottom + 5));
                    c.text(xs.labels[i], TICK_FONT, TICK_TEXT, x, bottom + 8 + kf.getAscent(), 0.5, false);
                }
            }
            spines();
            decorate();
        }

        void noData() {
            decorate();
            spines();
            FontMetrics nf = c.metrics(NO_DATA_FONT);
            c.text("no data", NO_DATA_FONT, MUTED, (left + right) / 2.0,
                    (top + bottom) / 2.0 + (nf.getAscent() - nf.getDescent()) / 2.0, 0.5, false);
        }

        /** Legend to the right of the plot, top-aligned; rows that do not fit are summarised as "+N more". */
        void legend(List<String> names, Swatch swatch) {
            FontMetrics fm = c.metrics(LEGEND_FONT);
            int rows = Math.max(1, (bottom - top) / LEGEND_ROW);
            int shown = names.size() <= rows ? names.size() : rows - 1;
            double y = top + LEGEND_ROW / 2.0;
            for (int i = 0; i < shown; i++) {
                swatch.draw(i, legendX, y);
                String label = ellipsize(fm, names.get(i), LEGEND_TEXT_MAX);
                c.text(label, LEGEND_FONT, TEXT, legendX + LEGEND_SWATCH + 8, y + (fm.getAscent() - fm.getDescent()) / 2.0, 0, false);
                y += LEGEND_ROW;
            }
            if (shown < names.size()) {
                c.text("+" + (names.size() - shown) + " more", LEGEND_FONT, MUTED, legendX + LEGEND_SWATCH + 8,
                        y + (fm.getAscent() - fm.getDescent()) / 2.0, 0, false);
            }
        }
    }

    /** A linear axis: data range, nice ticks with labels, and the pixel range it maps to. */
    private static final class Scale {
        final double lo;
        final double hi;
        final double pLo;
        final double pHi;
        final double[] ticks;
        final String[] labels;

        private Scale(double lo, double hi, double pLo, double pHi, double[] ticks, String[] labels) {
            this.lo = lo;
            this.hi = hi;
            this.pLo = pLo;
            this.pHi = pHi;
            this.ticks = ticks;
            this.labels = labels;
        }

        double px(double v) {
            return pLo + (v - lo) / (hi - lo) * (pHi - pLo);
        }

        /** pLo is the bottom pixel, pHi the top one; at least ~40 px between ticks. */
        static Scale vertical(Canvas c, double lo, double hi, double pLo, double pHi, boolean loose) {
            double minGap = Math.max(40, c.metrics(TICK_FONT).getHeight() * 2.5);
            return choose(c, lo, hi, pLo, pHi, loose, false, minGap, false);
        }

        /** Tick labels at least 18 px apart and ticks at least ~60 px apart. */
        static Scale horizontal(Canvas c, double lo, double hi, double pLo, double pHi, boolean loose, boolean integer) {
            return choose(c, lo, hi, pLo, pHi, loose, integer, 60, true);
        }

        private static Scale choose(Canvas c, double lo, double hi, double pLo, double pHi, boolean loose,
                                    boolean integer, double minGap, boolean widthMatters) {
            if (hi - lo <= Math.abs(hi) * 1e-12) {
                double half = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= half;
                hi += half;
            }
            FontMetrics fm = c.metrics(TICK_FONT);
            double pixels = Math.abs(pHi - pLo);
            Scale last = null;
            for (int target = 12; target >= 1; target--) {
                double step = niceStep((hi - lo) / target, integer);
                double a = loose ? Math.floor(lo / step + 1e-9) * step : lo;
                double b = loose ? Math.ceil(hi / step - 1e-9) * step : hi;
                long first = (long) Math.ceil(a / step - 1e-9);
                long lastIdx = (long) Math.floor(b / step + 1e-9);
                int count = (int) Math.max(0, lastIdx - first + 1);
                double[] ticks = new double[count];
                String[] labels = new String[count];
                double maxAbs = 0;
                for (int i = 0; i < count; i++) {
                    ticks[i] = (first + i) * step;
                    maxAbs = Math.max(maxAbs, Math.abs(ticks[i]));
                }
                int widest = 0;
                for (int i = 0; i < count; i++) {
                    labels[i] = tickLabel(ticks[i], step, maxAbs);
                    widest = Math.max(widest, fm.stringWidth(labels[i]));
                }
                last = new Scale(a, b, pLo, pHi, ticks, labels);
                double gap = pixels * step / (b - a);
                double need = widthMatters ? Math.max(minGap, widest + 18) : minGap;
                if (gap >= need) {
                    return last;
                }
            }
            return last;
        }

        /** The 1, 2 or 5 times a power of ten nearest (in ratio) to raw; at least 1 for integer axes. */
        static double niceStep(double raw, boolean integer) {
            double exp = Math.floor(Math.log10(raw));
            double base = Math.pow(10, exp);
            double f = raw / base;
            double m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
            double step = m * base;
            return integer ? Math.max(1, Math.rint(step)) : step;
        }
    }
}
