package com.puffy.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The JVM's default locale and time zone of an analyst elsewhere, set for one piece of work and given back after
 * it: surefire runs every test with {@code -Duser.timezone=UTC} and this machine's locale, so nothing else shows what
 * a Turkish, Thai or Japanese machine (Buddhist and imperial calendars), or one far from UTC, gets. Tests share one
 * JVM, so the defaults are restored even when the work throws.
 */
public final class ElsewhereDefaults {
    /** A machine the outputs must not notice. */
    public record Machine(Locale locale, String zone) {
        @Override
        public String toString() {
            return locale.toLanguageTag() + " in " + zone;
        }
    }

    /**
     * Turkish (dotless i) 13¾ h ahead of UTC, German, Arabic and Hindi (their own digits), Thai (Buddhist calendar),
     * Japanese imperial calendar, and US English 8 hours behind UTC.
     */
    public static final List<Machine> MACHINES = List.of(
            new Machine(Locale.forLanguageTag("tr-TR"), "Pacific/Chatham"),
            new Machine(Locale.GERMANY, "Europe/Berlin"),
            new Machine(Locale.forLanguageTag("ar-SA"), "Asia/Riyadh"),
            new Machine(Locale.forLanguageTag("hi-IN"), "Asia/Kolkata"),
            new Machine(new Locale("th", "TH"), "Asia/Bangkok"),
            new Machine(new Locale("ja", "JP", "JP"), "Asia/Tokyo"),
            new Machine(Locale.US, "America/Los_Angeles"));

    /** Work that may throw. */
    public interface Work<T> {
        T run() throws Exception;
    }

    private ElsewhereDefaults() {
    }

    /** What {@code work} returns with {@code machine}'s locale (every category) and time zone as the defaults. */
    public static <T> T on(Machine machine, Work<T> work) throws Exception {
        Locale locale = Locale.getDefault();
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(machine.locale());
            TimeZone.setDefault(TimeZone.getTimeZone(machine.zone()));
            return work.run();
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.FORMAT, format);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            TimeZone.setDefault(zone);
        }
    }
}
