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
        // One libtorch thread: measured on the 2-core target (bench, median end to end per image) it gave
        // 7.7 ms against 154 ms with two threads while another process held a core; OpenMP threads that
        // wait for a busy core spin. Override with -Dai.djl.pytorch.num_threads on a dedicated machine.
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("org.bytedeco.javacpp.logger", "slf4j");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
