package org.dermdesk.app;

/**
 * The one place where process-wide settings are made, before any engine loads: DJL must never go to
 * the network, and libtorch must use the cores this machine has (it may default to one).
 */
final class RuntimeSettings {

    private RuntimeSettings() {
    }

    static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        int cores = Runtime.getRuntime().availableProcessors();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, cores)));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // OpenCV's own thread pool competes with libtorch's for the same few cores
        setIfAbsent("org.bytedeco.javacpp.logger", "slf4j");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
