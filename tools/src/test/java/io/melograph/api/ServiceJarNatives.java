package io.melograph.api;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.djl.ndarray.NDManager;
import com.sun.jna.Native;
import io.melograph.djl.Djl;
import io.melograph.onnx.OnnxGraph;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Loads every native library the service uses on its image's platform, run by {@link ScaleOutIT} with the service or
 * serving jar and this class alone on the classpath and an empty engine cache, so each comes from what the jar ships
 * (its shade filter leaves the other platforms' out): ONNX Runtime (the deep rankers' scoring), PyTorch with DJL's JNI
 * (training; the serving jar, given the argument {@code serving}, must not have it), JNA (the allocator tuning) and
 * the Kafka client's compression codecs, which a topic written by another producer may use. One line per library; the
 * first that does not load ends it with an error. The codecs are the Kafka client's runtime dependencies, not on this
 * module's compile path, hence called by name.
 */
public final class ServiceJarNatives {
    private ServiceJarNatives() {}

    public static void main(String[] args) throws Exception {
        OnnxGraph g = new OnnxGraph();
        g.output(g.sigmoid(g.input("x", true, "2")), "y");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(g.model(), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, new float[] {0f, 0f});
             OrtSession.Result y = session.run(Map.of("x", x))) {
            System.out.println("onnxruntime " + env.getVersion() + " sigmoid " + ((float[]) y.get(0).getValue())[0]);
        }
        if (Arrays.asList(args).contains("serving")) {
            try {
                Class.forName("ai.djl.pytorch.engine.PtEngine");
                throw new IllegalStateException("the serving jar carries PyTorch");
            } catch (ClassNotFoundException e) {
                System.out.println("no pytorch");
            }
        } else {
            try (NDManager m = Djl.manager()) {
                float sum = Djl.input(m, new float[] {1, 2, 3}).sum().getFloat();
                System.out.println("pytorch " + Engine.getEngine("PyTorch").getVersion() + " sum " + sum);
            }
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
