package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CentsTest {
    @Test
    void threeThirdsOfAHundredDollarsAddUpToAHundredDollars() {
        // As the transform writes them: six decimals, the last third carrying the remainder.
        assertThat(Cents.apportion(List.of(33.333333, 33.333333, 33.333334), 2)).containsExactly(33.33, 33.33, 33.34);
    }

    @Test
    void aTieForTheLastCentGoesToTheLargerPartThenTheEarlierOne() {
        assertThat(Cents.apportion(List.of(10.005, 20.005), 2)).containsExactly(10.0, 20.01);
        assertThat(Cents.apportion(List.of(0.5, 0.5), 0)).containsExactly(1.0, 0.0);
    }

    @Test
    void partsAlreadyInCentsStayAsTheyAre() {
        assertThat(Cents.apportion(List.of(73524.94, 55651.98, 1294.0), 2)).containsExactly(73524.94, 55651.98, 1294.0);
        assertThat(Cents.apportion(List.of(), 2)).isEmpty();
    }

    @Test
    void theTotalOfManyPartsIsKeptToTheCent() {
        List<Double> parts = List.of(77140.666667, 55719.485, 38523.293333, 26227.58, 15513.376667, 15361.643333,
                9122.416667, 4583.333333, 1957.995);
        List<Double> cents = Cents.apportion(parts, 2);
        assertThat(cents.stream().mapToLong(c -> Math.round(c * 100)).sum()).isEqualTo(24414979L);
        assertThat(cents).allMatch(c -> Math.abs(c * 100 - Math.rint(c * 100)) < 1e-6);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(Math.abs(cents.get(i) - parts.get(i))).as("part " + i).isLessThan(0.01);
        }
    }

    @Test
    void anAmountRoundsHalfUpFromItsDecimalForm() {
        assertThat(Cents.of(2.675)).isEqualTo(2.68);
        assertThat(Cents.of(911.006679)).isEqualTo(911.01);
        assertThat(Cents.of(Double.NaN)).isNaN();
    }
}
