package io.melograph.api;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.sun.jna.Native;
import io.melograph.djl.Djl;

import java.nio.charset.StandardCharsets;

/**
 * Loads every native library the service uses on its image's platform, run by {@link ScaleOutIT} with the service jar
 * and this class alone on the classpath and an empty engine cache, so each comes from what the jar ships (its shade
 * filter leaves the other platforms' out): PyTorch with DJL's JNI (the deep rankers), JNA (the allocator tuning) and
 * the Kafka client's compression codecs, which a topic written by another producer may use. One line per library; the
 * first that does not load ends it with an error. The codecs are the Kafka client's runtime dependencies, not on this
 * module's compile path, hence called by name.
 */
public final class ServiceJarNatives {
    private ServiceJarNatives() {}

    public static void main(String[] args) throws Exception {
        try (NDManager m = Djl.manager()) {
            float sum = Djl.input(m, new float[] {1, 2, 3}).sum().getFloat();
            System.out.println("pytorch " + Engine.getEngine("PyTorch").getVersion() + " sum " + sum);
        }
        System.out.println("jna pointer size " + Native.POINTER_SIZE);
        byte[] data = "melograph ".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] zstd = (byte[]) call("com.github.luben.zstd.Zstd", "compress", data);
        System.out.println("zstd " + data.length + " -> " + zstd.length);
        byte[] snappy = (byte[]) call("org.xerial.snappy.Snappy", "compress", data);
        System.out.println("snappy " + data.length + " -> " + snappy.length);
        Object lz4 = Class.forName("net.jpountz.lz4.LZ4Factory").getMethod("nativeInstance").invoke(null);
        System.out.println("lz4 " + lz4);
    }

    private static Object call(String type, String method, byte[] argument) throws Exception {
        return Class.forName(type).getMethod(method, byte[].class).invoke(null, (Object) argument);
    }
}
