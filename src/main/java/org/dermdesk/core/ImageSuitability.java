package org.dermdesk.core;

/**
 * Whether the classifier's probability can be taken to apply to an image: is it dermoscopic at all, and
 * does it resemble the images the model learned from. Both are judged from the network's own features of
 * the image (see the model card's {@code image_kind}).
 *
 * @param dermoscopic      false when the image does not look like a dermoscopic image (a clinical photo,
 *                         a screenshot, a document); the probability then does not apply
 * @param dermoscopicScore 0..1, how dermoscopic the image looks; {@code dermoscopic} is this score at the
 *                         model's threshold
 * @param unfamiliar       true when the image lies farther from the training images than about 95% of the
 *                         model's in-distribution validation images
 * @param unfamiliarScore  0..1, higher = less like the training data: the share of in-distribution
 *                         validation images that lie closer to the training data than this one
 */
public record ImageSuitability(boolean dermoscopic, double dermoscopicScore, boolean unfamiliar, double unfamiliarScore) {

    public ImageSuitability {
        if (!(dermoscopicScore >= 0 && dermoscopicScore <= 1) || !(unfamiliarScore >= 0 && unfamiliarScore <= 1)) {
            throw new IllegalArgumentException("suitability scores out of range: " + dermoscopicScore + ", " + unfamiliarScore);
        }
    }

    /** True when the probability should be shown as valid without a caution: dermoscopic and familiar. */
    public boolean suitable() {
        return dermoscopic && !unfamiliar;
    }
}
