package com.puffy.pipeline.config;

/**
 * How far a word typed by hand is from one we know: the command line's "did you mean" and the configuration's
 * unknown keys and channel names that differ from a built-in one by a slip. One measure for both, so a typo offered a
 * suggestion in one place is recognised as one in the other.
 */
public final class Typos {
    private Typos() {
    }

    /**
     * Levenshtein distance in which two neighbours swapped count one edit ("vaildate", "Paid Socail"), as a typist
     * makes them (the optimal-string-alignment distance).
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
