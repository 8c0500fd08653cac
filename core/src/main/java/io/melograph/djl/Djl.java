package io.melograph.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one way models in this package get native memory: makes sure DJL runs offline, without tracking and with the
 * thread counts measured fastest on our 2-core machines (2 intra-op, 1 inter-op; stack notes, DJL), then opens a base
 * {@link NDManager} on the PyTorch engine, with glibc told to keep freed native memory ({@link NativeAllocator}). The
 * properties only take effect if set before the engine starts, hence before the first manager; values given on the
 * command line or in the environment win.
 *
 * <p>A pitfall of DJL 0.36 on PyTorch (CPU) measured here: an array made from Java data ({@code create(float[])},
 * and the scalar DJL makes behind {@code x.mul(2f)}) is a view of a Java direct buffer that only the Java array
 * object keeps alive, and {@code close()} drops it. If PyTorch still holds the tensor, as autograd does with a
 * constant factor until {@code backward}, the next garbage collection frees memory in use: training then depends on
 * GC timing (different scores per run, sometimes NaN). Inside a gradient recording, create constants explicitly in
 * the step's manager and keep them open until after {@code backward}; never use the {@code Number} overloads there.
 */
public final class Djl {
    private static final ThreadLocal<ByteBuffer> STAGING =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.nativeOrder()));

    private Djl() {
    }

    /**
     * One intra-op thread, for a process that serves requests: set before the first {@link #manager()}, unless given on
     * the command line. The worker's training in the service then takes one core, leaving the other to listeners
     * (the deep rankers score with ONNX Runtime, whose threads rank.deep's RankerSession sets). Training
     * elsewhere keeps two threads, measured fastest for it.
     */
    public static void serving() {
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
    }

    /** A new base manager on the CPU; the caller closes it (and opens a sub-manager per step inside it). */
    public static NDManager manager() {
        setIfAbsent("ai.djl.pytorch.num_threads", "2");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // DJL reads the environment first (DJL_OFFLINE, OPT_OUT_TRACKING), then these properties
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        NativeAllocator.keepFreedMemory();
        return NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    /**
     * {@code values} as an array of {@code m} in memory PyTorch allocates and frees. {@code m.create(float[])} instead
     * wraps a new Java direct buffer that is freed only by a garbage collection, so a served model that makes its
     * inputs that way per request writes to fresh native memory until the next collection (measured: p50 8.7 ms for
     * DIN at 300 candidates then, 4–6 ms with the memory reused; docs/benchmarks.md). Here the values pass through one
     * staging buffer per thread, which is copied at once.
     */
    public static NDArray input(NDManager m, float[] values, long... shape) {
        ByteBuffer b = staging(values.length * Float.BYTES);
        b.asFloatBuffer().put(values);
        return copied(m, b, shape.length == 0 ? new Shape(values.length) : new Shape(shape), DataType.FLOAT32);
    }

    /** {@link #input(NDManager, float[], long...)} for indices. */
    public static NDArray input(NDManager m, int[] values, long... shape) {
        ByteBuffer b = staging(values.length * Integer.BYTES);
        b.asIntBuffer().put(values);
        return copied(m, b, shape.length == 0 ? new Shape(values.length) : new Shape(shape), DataType.INT32);
    }

    private static ByteBuffer staging(int bytes) {
        ByteBuffer b = STAGING.get();
        if (b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect(Math.max(bytes, 2 * b.capacity())).order(ByteOrder.nativeOrder());
            STAGING.set(b);
        }
        b.clear().limit(bytes);
        return b;
    }

    private static NDArray copied(NDManager m, ByteBuffer staged, Shape shape, DataType type) {
        try (NDArray view = m.create(staged, shape, type)) {
            return view.duplicate();
        }
    }

    /** The rows of {@code table} at {@code index} (an embedding lookup the gradient flows through). */
    public static NDArray rows(NDArray index, NDArray table) {
        return index.getNDArrayInternal().embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * {@code a}, owned by {@code m} from now on: an array computed from a long-lived parameter first belongs to the
     * parameter's manager, and would stay until that closes (every step of a fit, every request of a served model).
     */
    public static NDArray on(NDManager m, NDArray a) {
        a.attach(m);
        return a;
    }

    /** A trained parameter of this shape, starting at {@code values}. */
    public static NDArray parameter(NDManager m, float[] values, long... shape) {
        NDArray p = m.create(values, new Shape(shape));
        p.setRequiresGradient(true);
        return p;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
