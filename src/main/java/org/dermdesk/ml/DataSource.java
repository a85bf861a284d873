package org.dermdesk.ml;

/** Which collection an image comes from; evaluation reports them separately. */
public enum DataSource {
    HAM10000("ham10000"),
    ISIC2017("isic2017");

    private final String key;

    DataSource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
