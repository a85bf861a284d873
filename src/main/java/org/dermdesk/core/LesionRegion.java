package org.dermdesk.core;

/**
 * Where the lesion is: its segmentation mask, pixel area and bounding box in image coordinates.
 *
 * @param touchesBorder whether the lesion runs into the image border (it may be cut off)
 */
public record LesionRegion(Mask mask, int area, int x, int y, int width, int height, boolean touchesBorder) {
}
