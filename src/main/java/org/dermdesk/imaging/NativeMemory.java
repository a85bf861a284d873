package org.dermdesk.imaging;

import org.bytedeco.javacpp.Pointer;

/**
 * The native (C) heap that libtorch and OpenCV allocate from. The C allocator keeps freed memory for
 * reuse, per thread, so after work on several threads the process stays as large as its busiest
 * moment; handing the free pages back after a large job keeps the resident size near what is in use.
 */
public final class NativeMemory {

    private NativeMemory() {
    }

    /** Returns the native heap's unused pages to the system (glibc's malloc_trim); a no-op where unsupported. */
    public static void releaseFreePages() {
        Pointer.trimMemory();
    }
}
