package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void sharesOfOneWholeAddUpToAHundredEvenOnExactHalves() {
        // Rounded one by one, 12.5% and 87.5% read 13% + 88% = 101%.
        assertThat(Fmt.percent(0.125) + "+" + Fmt.percent(0.875)).isEqualTo("13%+88%");
        assertThat(Fmt.shares(java.util.List.of(0.125, 0.875))).containsExactly("12%", "88%");
        for (int k = 100; k <= 900; k++) {
            double a = k / 1000.0;
            java.util.List<String> pair = Fmt.shares(java.util.List.of(a, 1 - a));
            assertThat(Double.parseDouble(pair.get(0).replace("%", "")) + Double.parseDouble(pair.get(1).replace("%", "")))
                    .as("%s", pair).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(Fmt.shares(java.util.List.of(1 / 3.0, 1 / 3.0, 1 / 3.0))).containsExactly("34%", "33%", "33%");
        // A share under 10% keeps its decimal, and then every share of the whole has one.
        assertThat(Fmt.shares(java.util.List.of(0.0955, 0.3445, 0.56))).containsExactly("9.5%", "34.5%", "56.0%");
        assertThat(Fmt.shares(java.util.List.of(0.00004, 0.99996))).containsExactly("<0.1%", ">99.9%");
        assertThat(Fmt.shares(java.util.List.of(0.0, 1.0))).containsExactly("0%", "100%");
        // Not one whole (a top-N list): each as percent() writes it.
        assertThat(Fmt.shares(java.util.List.of(0.125, 0.5))).containsExactly("13%", "50%");
    }

    @Test
    void percentReadsZeroOrAHundredOnlyWhenItIsExactlySo() {
        assertThat(Fmt.percent(0)).isEqualTo("0%");
        assertThat(Fmt.percent(1)).isEqualTo("100%");
        assertThat(Fmt.percent(0.0004)).isEqualTo("<0.1%");
        assertThat(Fmt.percent(0.996)).isEqualTo("99.6%");
        assertThat(Fmt.percent(0.9999)).isEqualTo(">99.9%");
        assertThat(Fmt.percent(0.994)).isEqualTo("99%");
        assertThat(Fmt.percent(0.34)).isEqualTo("34%");
        assertThat(Fmt.percent(0.008)).isEqualTo("0.8%");
    }

    @Test
    void rateReadsZeroOrAHundredOnlyWhenItIsExactlySo() {
        assertThat(Fmt.rate(0)).isEqualTo("0.0%");
        assertThat(Fmt.rate(0.0084)).isEqualTo("0.84%");
        assertThat(Fmt.rate(0.00001)).isEqualTo("<0.01%");
        assertThat(Fmt.rate(0.99999)).isEqualTo(">99.9%");
        assertThat(Fmt.rate(1)).isEqualTo("100.0%");
    }

    @Test
    void aShiftThatRoundsToNoPointsHasNoSign() {
        assertThat(Fmt.points(-0.026123)).isEqualTo("0.0 pts");
        assertThat(Fmt.points(0.04)).isEqualTo("0.0 pts");
        assertThat(Fmt.points(0)).isEqualTo("0.0 pts");
        assertThat(Fmt.points(-0.05)).isEqualTo("-0.1 pts");
        assertThat(Fmt.points(2.1)).isEqualTo("+2.1 pts");
    }

    @Test
    void aRateThatRoundsToOnePercentTakesOneDecimalLikeTheRatesAboveIt() {
        assertThat(Fmt.rate(0.009996)).isEqualTo("1.0%");
        assertThat(Fmt.rate(0.00995)).isEqualTo("1.0%");
        assertThat(Fmt.rate(0.00994)).isEqualTo("0.99%");
        assertThat(Fmt.rate(-0.009996)).isEqualTo("-1.0%");
    }

    @Test
    void oneDecimalPercentTellsCloseSharesApart() {
        assertThat(Fmt.percentOneDecimal(0.344)).isEqualTo("34.4%");
        assertThat(Fmt.percentOneDecimal(0.338)).isEqualTo("33.8%");
    }

    @Test
    void aDayOfAnotherYearThanItsPeriodSaysItsYear() {
        assertThat(Fmt.date("2026-11-27", "2025-02-23", "2025-03-08")).isEqualTo("Nov 27, 2026");
        assertThat(Fmt.date("2025-02-28", "2025-02-23", "2025-03-08")).isEqualTo("Feb 28");
        assertThat(Fmt.date("2025-02-28", "2024-12-30", "2025-03-08")).isEqualTo("Feb 28, 2025");
        assertThat(Fmt.date("2025-02-28", "", "")).isEqualTo("Feb 28");
    }
    @Test
    void aShiftBetweenTwoShareColumnsIsTheDifferenceOfTheSharesAsShown() {
        Fmt.ShareShift shown = Fmt.shareShift(java.util.List.of(0.0174, 0.9826), java.util.List.of(0.0206, 0.9794));
        assertThat(shown.first()).containsExactly("1.7%", "98.3%");
        assertThat(shown.second()).containsExactly("2.1%", "97.9%");
        assertThat(shown.shifts()).containsExactly("+0.4 pts", "-0.4 pts");
        // Both columns in one precision: 60/40 alone would read whole, beside 95.5/4.5 it takes a decimal.
        shown = Fmt.shareShift(java.util.List.of(0.6, 0.4), java.util.List.of(0.955, 0.045));
        assertThat(shown.first()).containsExactly("60.0%", "40.0%");
        assertThat(shown.shifts()).containsExactly("+35.5 pts", "-35.5 pts");
        // Not shares of one whole: one by one, with the exact shift.
        assertThat(Fmt.shareShift(java.util.List.of(0.0, 0.0), java.util.List.of(0.0, 0.0)).shifts())
                .containsExactly("0.0 pts", "0.0 pts");
    }

    @Test
    void aColumnOfPercentagesTakesOnePrecision() {
        assertThat(Fmt.percentColumn(java.util.List.of(0.2, 0.04))).containsExactly("20.0%", "4.0%");
        assertThat(Fmt.percentColumn(java.util.List.of(0.2, 0.15))).containsExactly("20%", "15%");
    }

    @Test
    void aColumnWithAPartOfOneWholeTakesOnePrecisionAndThePartAddsUpWithItsRest() {
        // The quality table read "15%" above "1.2%" and "0%", its ANY row rounded alone with the clean rest that a
        // sentence quotes: the column takes one precision, and ANY and the rest add up to 100% in it.
        Fmt.PartOfColumn mixed = Fmt.percentColumnWithPart(java.util.List.of(0.15, 0.012, 0.0, 0.5556), 3);
        assertThat(mixed.column()).containsExactly("15.0%", "1.2%", "0.0%", "55.6%");
        assertThat(mixed.rest()).isEqualTo("44.4%");
        Fmt.PartOfColumn whole = Fmt.percentColumnWithPart(java.util.List.of(0.2, 0.15, 0.0, 0.3), 3);
        assertThat(whole.column()).containsExactly("20%", "15%", "0%", "30%");
        assertThat(whole.rest()).isEqualTo("70%");
        // The rest is a figure of the column too: 5.0% clean beside 95% touched reads "95.0%".
        Fmt.PartOfColumn byItsRest = Fmt.percentColumnWithPart(java.util.List.of(0.2, 0.15, 0.95), 2);
        assertThat(byItsRest.column()).containsExactly("20.0%", "15.0%", "95.0%");
        assertThat(byItsRest.rest()).isEqualTo("5.0%");
        // A figure not known (quarantined purchases' revenue) stays a dash in the column.
        Fmt.PartOfColumn unknown = Fmt.percentColumnWithPart(java.util.List.of(0.012, 0.1244, Double.NaN), 1);
        assertThat(unknown.column()).containsExactly("1.2%", "12.4%", "\u2013");
        assertThat(unknown.rest()).isEqualTo("87.6%");
        assertThat(Fmt.percentColumnWithPart(java.util.List.of(0.2, Double.NaN), 1).rest()).isEqualTo("\u2013");
    }

    @Test
    void aFigureThatIsNotKnownReadsAsTheReportsDashInEveryFormat() {
        // The quality table's quarantined revenue read "n/a" while tiles and tables write "–" (decision 0803).
        assertThat(java.util.List.of(Fmt.money(Double.NaN), Fmt.percent(Double.NaN), Fmt.rate(Double.NaN),
                Fmt.percentOneDecimal(Double.NaN), Fmt.number(Double.NaN, 1), Fmt.hours(Double.NaN)))
                .containsOnly("\u2013");
    }
}
