package io.fidelis.store.duckdb;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** Arrow's memory for the DuckDB store's batch paths, when this JVM lets Arrow use direct buffers. */
final class ArrowMemory {

    private ArrowMemory() {}

    /**
     * A root allocator, or null when the system property {@code switchOff} is set to {@code fallback} or Arrow cannot
     * work in this JVM (then the caller takes its row-by-row path).
     */
    static BufferAllocator allocatorUnless(String switchOff, String fallback) {
        if (fallback.equalsIgnoreCase(System.getProperty(switchOff, ""))) {
            return null;
        }
        BufferAllocator allocator = null;
        try {
            allocator = new RootAllocator();
            // fails without --add-opens java.base/java.nio: Arrow reads the address of direct buffers
            allocator.buffer(8).close();
            org.apache.arrow.memory.util.MemoryUtil.directBuffer(0, 0);
            return allocator;
        } catch (RuntimeException | LinkageError e) {
            if (allocator != null) {
                allocator.close();
            }
            return null;
        }
    }
}
