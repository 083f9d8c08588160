package com.puffy.pipeline.transform;

import java.util.ArrayList;
import java.util.List;

/** The reconciliation checks of the transform stage, per day and in total (transform/reconciliation.csv). */
final class Reconciliation {
    record Check(String date, String check, double expected, double actual, boolean ok) {
    }

    private final double tolerance;
    private final List<Check> checks = new ArrayList<>();

    Reconciliation(double tolerance) {
        this.tolerance = tolerance;
    }

    void check(String date, String name, double expected, double actual) {
        checks.add(new Check(date, name, expected, actual, Math.abs(actual - expected) <= tolerance));
    }

    List<Check> checks() {
        return checks;
    }

    List<Check> failures() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }

    boolean allOk() {
        return checks.stream().allMatch(Check::ok);
    }
}
