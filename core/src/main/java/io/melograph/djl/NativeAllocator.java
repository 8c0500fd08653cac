package io.melograph.djl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the memory the native engines (PyTorch, ONNX Runtime) free for their next tensors. glibc's malloc serves an allocation above its mmap threshold
 * (128 KiB at first, raised as such blocks are freed) with a fresh mapping and returns it on free, so a tensor of
 * 1–5 MB made per call faults its pages in again each time: in a micro-benchmark of DIN's activation unit at 300
 * candidates, ~450 page faults a call and 2 ms calls becoming 30 ms for long stretches (docs/benchmarks.md, "What the
 * tail was"). Raising the mmap threshold to its maximum (32 MiB on 64-bit) and the trim threshold above it lets the
 * freed blocks be reused from the heap. Set once, before the engine starts; a threshold
 * given in the environment ({@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_}) wins; anywhere but Linux
 * with glibc nothing changes.
 */
public final class NativeAllocator {
    private static final Logger LOG = LoggerFactory.getLogger(NativeAllocator.class);
    // mallopt parameters (malloc.h)
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 256 << 20;
    private static boolean tuned;

    /** glibc's mallopt: 1 on success, 0 on an unaccepted value. */
    private interface C extends Library {
        int mallopt(int param, int value);
    }

    private NativeAllocator() {}

    /** Raises glibc's thresholds once per process; says whether this call or an earlier one did. */
    public static synchronized boolean keepFreedMemory() {
        if (tuned || !Platform.isLinux() || System.getenv("MALLOC_MMAP_THRESHOLD_") != null
                || System.getenv("MALLOC_TRIM_THRESHOLD_") != null) {
            return tuned;
        }
        try {
            C c = Native.load("c", C.class);
            // the trim threshold first: setting the mmap threshold stops glibc adjusting either
            tuned = c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1 && c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) { // no glibc (musl has no mallopt): keep its defaults
            LOG.debug("malloc thresholds left as they are: {}", e.toString());
        }
        return tuned;
    }
}
