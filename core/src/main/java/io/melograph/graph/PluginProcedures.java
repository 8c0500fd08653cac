package io.melograph.graph;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserAggregationFunction;
import org.neo4j.procedure.UserFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Registers the GDS and APOC procedures and functions found on the classpath with the embedded DBMS. A Neo4j server
 * loads them from its plugins folder; embedded in one fat jar there is no such folder, so we find the annotated
 * classes ourselves (their extensions, which provide what the procedures inject, do load from the classpath).
 */
public final class PluginProcedures {
    private static final Logger LOG = LoggerFactory.getLogger(PluginProcedures.class);
    private static final List<String> PACKAGES = List.of("org/neo4j/gds/", "apoc/");

    private PluginProcedures() {}

    /** Registers them with {@code dbms} (which must allow {@code gds.*, apoc.*} unrestricted); returns the classes. */
    public static int register(DatabaseManagementService dbms) {
        long started = System.nanoTime();
        EmbeddedNeo4j.skipJolAttach(); // GDS will run in this JVM (the test harness's too, which starts no EmbeddedNeo4j)
        GlobalProcedures procedures = ((GraphDatabaseAPI) dbms.database("system")).getDependencyResolver()
                .resolveDependency(GlobalProcedures.class);
        ClassLoader loader = PluginProcedures.class.getClassLoader();
        int registered = 0;
        for (String name : candidates()) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                boolean procedure = false;
                boolean function = false;
                boolean aggregation = false;
                for (Method m : c.getDeclaredMethods()) {
                    procedure |= m.isAnnotationPresent(Procedure.class);
                    function |= m.isAnnotationPresent(UserFunction.class);
                    aggregation |= m.isAnnotationPresent(UserAggregationFunction.class);
                }
                if (procedure) {
                    procedures.registerProcedure(c);
                }
                if (function) {
                    procedures.registerFunction(c);
                }
                if (aggregation) {
                    procedures.registerAggregationFunction(c);
                }
                registered += procedure || function || aggregation ? 1 : 0;
            } catch (Exception | LinkageError e) {
                // classes needing optional libraries (APOC's cloud/export extras) are left out
                LOG.debug("not registering {}: {}", name, e.toString());
            }
        }
        LOG.info("Registered GDS and APOC procedures from {} classes in {} ms", registered, (System.nanoTime() - started) / 1_000_000);
        return registered;
    }

    /** Top-level classes in the plugin packages, from every jar or folder on the class path. */
    private static List<String> candidates() {
        List<String> out = new ArrayList<>();
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        for (String entry : classPath) {
            Path p = Path.of(entry);
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> files = Files.walk(p)) {
                        files.map(f -> p.relativize(f).toString().replace(File.separatorChar, '/')).forEach(n -> add(out, n));
                    }
                } else if (Files.isRegularFile(p) && (classPath.length == 1 || entry.contains("gds") || entry.contains("apoc"))) {
                    // a single entry is the fat jar, which holds everything
                    try (JarFile jar = new JarFile(p.toFile())) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            add(out, e.nextElement().getName());
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("cannot read class path entry {}: {}", entry, e.toString());
            }
        }
        return out;
    }

    private static void add(List<String> out, String path) {
        if (path.endsWith(".class") && !path.contains("$") && PACKAGES.stream().anyMatch(path::startsWith)) {
            out.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
