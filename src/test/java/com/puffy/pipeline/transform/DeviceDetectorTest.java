package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceDetectorTest {
    private static final DeviceDetector DETECTOR = new DeviceDetector();

    @ParameterizedTest(name = "{1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1|mobile|iOS|Mobile Safari",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36|mobile|Android|Chrome Mobile",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1|tablet|iOS|Mobile Safari",
            "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36|tablet|Android|Chrome",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36|desktop|Windows|Chrome",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15|desktop|Mac OS X|Safari",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)|bot|Other|Googlebot",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)|bot|Other|AhrefsBot"})
    void detectsDeviceTypeOsAndBrowser(String userAgent, String device, String os, String browser) {
        DeviceDetector.DeviceInfo info = DETECTOR.detect(userAgent);
        assertThat(info.device()).isEqualTo(device);
        assertThat(info.os()).isEqualTo(os);
        assertThat(info.browser()).isEqualTo(browser);
    }

    @Test
    void anEmptyUserAgentIsUnknown() {
        assertThat(DETECTOR.detect("").device()).isEqualTo("unknown");
        assertThat(DETECTOR.detect(null).device()).isEqualTo("unknown");
    }

    @Test
    void eachDistinctStringIsParsedOnce() {
        DeviceDetector detector = new DeviceDetector();
        String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/121.0";
        DeviceDetector.DeviceInfo first = detector.detect(ua);
        assertThat(detector.detect(new String(ua))).isSameAs(first);
        assertThat(detector.distinctParsed()).isEqualTo(1);
    }

    @Test
    void runsShareOneCatalogueAndGetTheSameAnswersParsingAtTheSameTime() throws Exception {
        assertThat(new DeviceDetector()).isNotSameAs(new DeviceDetector());
        assertThat(DeviceDetector.parser()).as("loaded once per process").isSameAs(DeviceDetector.parser());
        java.util.List<String> agents = new java.util.ArrayList<>();
        for (int version = 100; version < 160; version++) {
            agents.add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + version + ".0.0.0 Safari/537.36");
            agents.add("Mozilla/5.0 (iPhone; CPU iPhone OS 17_" + version + " like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1");
            agents.add("Mozilla/5.0 (Linux; Android 13; SM-X" + version + ") AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/120.0.0.0 Safari/537.36");
        }
        DeviceDetector alone = new DeviceDetector();
        java.util.List<DeviceDetector.DeviceInfo> expected = agents.stream().map(alone::detect).toList();
        // Four runs at once (the app's Transform while a CLI run in the same JVM, or tests in parallel), each with
        // its own detector over the shared catalogue.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var runs = new java.util.ArrayList<java.util.concurrent.Future<java.util.List<DeviceDetector.DeviceInfo>>>();
            for (int run = 0; run < 4; run++) {
                runs.add(pool.submit(() -> agents.stream().map(new DeviceDetector()::detect).toList()));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
