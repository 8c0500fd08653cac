package io.melograph.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists and reads the files of a classpath folder, whether it sits on disk (tests, IDE) or inside the fat jar.
 * Inside a jar it reads the entries with {@link JarFile}, never through a zip FileSystem: that file system is shared
 * per jar in the JVM, and Neo4j Browser is served from the same jar through one.
 */
public final class ClasspathDir {
    private ClasspathDir() {}

    /** Names of the files directly in {@code dir} ending with {@code suffix}, sorted. */
    public static List<String> list(String dir, String suffix) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return entries(dir).stream()
                .filter(e -> e.indexOf('/', prefix.length()) < 0 && e.endsWith(suffix) && e.length() > prefix.length())
                .map(e -> e.substring(prefix.length())).sorted().toList();
    }

    /** Copies the classpath folder {@code dir} with everything under it into {@code target}. */
    public static void copyTree(String dir, Path target) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        try {
            for (String entry : entries(dir)) {
                Path to = target.resolve(entry.substring(prefix.length()));
                Files.createDirectories(to.getParent());
                try (InputStream in = open(entry)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths (from the classpath root) of all files under {@code dir}. */
    private static List<String> entries(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        URL url = ClasspathDir.class.getClassLoader().getResource(dir);
        if (url == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                            out.add(entry.getName());
                        }
                    }
                }
            } else {
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> out.add(prefix + root.relativize(f).toString().replace('\\', '/')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static InputStream open(String path) {
        InputStream in = ClasspathDir.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("not on the classpath: " + path);
        }
        return in;
    }

    public static String read(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
