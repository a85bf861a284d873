package org.dermdesk.ui;

/** A submitted piece of work. */
public interface TaskHandle {

    TaskHandle NONE = () -> { };

    /** Requests cancellation; a task not yet started never runs. Safe to call more than once. */
    void cancel();
}
