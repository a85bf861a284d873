package org.dermdesk.ml;

/** Which collection an image comes from; evaluation reports them separately. */
public enum DataSource {
    HAM10000("ham10000"),
    ISIC2017("isic2017"),
    MILK10K("milk10k"),
    ACRAL("acral"),
    /** The Barcelona part of {@code isic2019_84/} (84x84). */
    BCN20000("bcn20000"),
    /** The MSK / ISIC archive part of {@code isic2019_84/} (84x84). */
    ISIC2019_MSK("isic2019_msk");

    private final String key;

    DataSource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
