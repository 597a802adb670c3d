package io.radflow.stats.agreement;

/**
 * The six intraclass correlation forms of Shrout and Fleiss (1979) in the naming of R's
 * {@code psych::ICC} (McGraw and Wong 1996 names in brackets).
 */
public enum IccType {
    /** ICC(1,1): one-way random effects, single rater, absolute agreement. */
    ICC1("one-way random, single rater, absolute agreement"),
    /** ICC(2,1): two-way random effects, single rater, absolute agreement [ICC(A,1)]. */
    ICC2("two-way random, single rater, absolute agreement"),
    /** ICC(3,1): two-way mixed effects, single rater, consistency [ICC(C,1)]. */
    ICC3("two-way mixed, single rater, consistency"),
    /** ICC(1,k): one-way random effects, mean of k raters, absolute agreement. */
    ICC1K("one-way random, average of raters, absolute agreement"),
    /** ICC(2,k): two-way random effects, mean of k raters, absolute agreement [ICC(A,k)]. */
    ICC2K("two-way random, average of raters, absolute agreement"),
    /** ICC(3,k): two-way mixed effects, mean of k raters, consistency [ICC(C,k)]. */
    ICC3K("two-way mixed, average of raters, consistency");

    private final String description;

    IccType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
