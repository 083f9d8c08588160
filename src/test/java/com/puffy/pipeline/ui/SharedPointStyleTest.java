package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which style classes are a chart point's own index, the ones that kept points from sharing their styles. */
class SharedPointStyleTest {
    @Test
    void onlyDataFollowedByDigitsIsAPointsIndex() {
        assertThat(SharedPointStyle.isPointIndex("data0")).isTrue();
        assertThat(SharedPointStyle.isPointIndex("data59")).isTrue();
        assertThat(SharedPointStyle.isPointIndex("data")).isFalse();
        assertThat(SharedPointStyle.isPointIndex("database")).isFalse();
        assertThat(SharedPointStyle.isPointIndex("data1x")).isFalse();
        assertThat(SharedPointStyle.isPointIndex("default-color0")).isFalse();
        assertThat(SharedPointStyle.isPointIndex("series0")).isFalse();
    }
}
