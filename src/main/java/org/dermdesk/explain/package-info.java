/**
 * LIME explanations of the classifier's p_malignant, in plain Java (imports only {@code core}).
 *
 * <ul>
 *   <li>{@link org.dermdesk.explain.Slic}: SLIC superpixels in CIELAB on a working copy (long side 256),
 *       denser inside a small lesion, with connectivity enforced.</li>
 *   <li>{@link org.dermdesk.explain.LimeExplainer}: samples (complementary pairs, each segment shown with
 *       p = 0.5, sample 0 unperturbed), perturbed images built directly at the classifier's input size
 *       when it is known, exponential kernel on cosine distance, weighted ridge; deletion/insertion
 *       areas against a random order; seed-to-seed Spearman stability; the shortcut alarm.</li>
 *   <li>the overlay drawn for the user is {@link org.dermdesk.core.HeatmapLayer}, shared with the window and the PDF.</li>
 *   <li>the development harness {@code org.dermdesk.dev.LimeBench} measures time per stage, stability and faithfulness.</li>
 * </ul>
 */
package org.dermdesk.explain;
