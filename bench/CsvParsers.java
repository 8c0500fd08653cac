import com.fasterxml.jackson.dataformat.csv.*;
import com.fasterxml.jackson.core.*;
import org.apache.commons.csv.*;
import java.io.*;
import java.nio.charset.*;
import java.nio.file.*;
import java.util.*;

/**
 * CSV parse speed on a generated catalog, one pass per parser over every *.csv of a folder (single thread): Melograph's
 * {@code CsvReader} from the jar on the class path, Commons CSV and Jackson CSV over a whole file, and both parsers
 * created anew for every line (what a reader that parses row by row pays). Not part of the product; see
 * docs/benchmarks.md ("CSV parsing") for the command and the numbers.
 *
 *   java -cp tools/target/melograph.jar bench/CsvParsers.java DIR melograph,commons,jackson,commons-line,jackson-line ROUNDS
 */
public class CsvParsers {
    static final CsvMapper MAPPER = new CsvMapper();
    static { MAPPER.enable(CsvParser.Feature.WRAP_AS_ARRAY); }
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(dir)) { s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add); }
        for (int round = 0; round < Integer.parseInt(a[2]); round++) for (String mode : a[1].split(",")) {
            long t0 = System.nanoTime(); long rows = 0, chars = 0;
            for (Path f : files) { long[] r = run(mode, f); rows += r[0]; chars += r[1]; }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-14s %.2f s  %,d rows  %,.0f rows/s  (check %d)%n", mode, s, rows, rows / s, chars);
        }
    }
    static Reader reader(Path f) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(new BufferedInputStream(Files.newInputStream(f), 1 << 16), d), 1 << 16);
    }
    static long[] run(String mode, Path f) throws IOException {
        long rows = 0, chars = 0;
        switch (mode) {
            case "melograph" -> {
                try (var r = new io.melograph.ingest.CsvReader(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
                    for (var rec = r.next(); rec != null; rec = r.next()) { rows++; chars += rec.fields().get(0).length(); }
                }
            }
            case "commons" -> {
                try (CSVParser p = CSVFormat.RFC4180.parse(reader(f))) {
                    for (CSVRecord rec : p) { rows++; chars += rec.get(0).length(); }
                }
            }
            case "jackson" -> {
                try (var p = MAPPER.getFactory().createParser(reader(f))) {
                    List<String> fields = new ArrayList<>();
                    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                        if (t == JsonToken.START_ARRAY) fields.clear();
                        else if (t == JsonToken.VALUE_STRING) fields.add(p.getText());
                        else if (t == JsonToken.END_ARRAY && !fields.isEmpty()) { rows++; chars += fields.get(0).length(); fields.clear(); }
                    }
                }
            }
            case "commons-line" -> {
                try (BufferedReader r = (BufferedReader) reader(f)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(line))) {
                            for (CSVRecord rec : p) { rows++; chars += rec.get(0).length(); }
                        }
                    }
                }
            }
            case "jackson-line" -> {
                try (BufferedReader r = (BufferedReader) reader(f)) {
                    List<String> fields = new ArrayList<>();
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        try (var p = MAPPER.getFactory().createParser(line)) {
                            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                                if (t == JsonToken.START_ARRAY) fields.clear();
                                else if (t == JsonToken.VALUE_STRING) fields.add(p.getText());
                                else if (t == JsonToken.END_ARRAY && !fields.isEmpty()) { rows++; chars += fields.get(0).length(); fields.clear(); }
                            }
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException(mode);
        }
        return new long[] {rows, chars};
    }
}
