package org.dermdesk.core;

/** Aligns a later image of a lesion onto an earlier one (implemented in imaging). */
public interface LesionRegistrar {

    /**
     * @param before      the earlier image
     * @param beforeMask  its lesion outline (same size)
     * @param after       the later image (any size)
     * @param afterMask   its lesion outline (same size)
     * @return the alignment; never null (a failed alignment has {@code success} false)
     */
    Registration register(LesionImage before, Mask beforeMask, LesionImage after, Mask afterMask);
}
