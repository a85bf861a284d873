package org.dermdesk.core;

/** Checks an image for artifacts and decides whether it must be retaken before it can be trusted. */
public interface QualityGate {

    QualityReport assess(LesionImage image);
}
