package org.dermdesk.core;

/** Identifies the model that produced a prediction: shown to the user and recorded with every case. */
public record ModelInfo(String name, String version, String sha256) {
}
