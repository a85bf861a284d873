/**
 * Development harnesses, not part of what a clinician runs: {@code evaluate}, {@code evaluate-artifacts},
 * {@code train}, {@code bench} and {@code bench-explain} with their helpers ({@link org.dermdesk.dev.LimeBench},
 * {@link org.dermdesk.dev.QualityGateBench}, {@code DevelopmentImages}, charts and metric
 * tables). They read the development data ({@code DevelopmentData}), which is never
 * bundled; a missing folder gets a message naming it. May use every layer but {@code ui}; no product
 * package depends on this one (ArchUnit, {@code LayerRulesTest}).
 *
 * <p>The measurement code that needs the quality gate's internals ({@code imaging.ArtifactEvaluation},
 * {@code imaging.CutOffEvaluation}) and the DJL training benchmark ({@code ml.TrainingBenchmark}) stay in
 * their layers, where those internals are visible; only these harnesses call them.
 */
package org.dermdesk.dev;
