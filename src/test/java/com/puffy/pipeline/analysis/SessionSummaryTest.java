package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.analysis.Frame.Group;
import com.puffy.pipeline.analysis.Frame.Kind;
import com.puffy.pipeline.core.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming pass must give exactly what the report computed from the whole table before (TablesawFrame). */
class SessionSummaryTest {
    private static final String HEADER = "session_id,events,landing_page,landing_referrer,channel,device,os,browser,"
            + "is_bot,converted,revenue,is_new_user,date\n";

    @TempDir
    Path dir;

    private Path write(String csv) throws Exception {
        Path file = dir.resolve("sessions.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static SessionSummary summary(Path file) throws Exception {
        return SessionSummary.read(file, Cancellation.none());
    }

    /** What Analyzer asked the whole table before the streaming pass. */
    private static Frame humanTable(Path file) throws Exception {
        Map<String, Kind> columns = new LinkedHashMap<>();
        for (String text : List.of("landing_referrer", "channel", "device", "browser")) {
            columns.put(text, Kind.TEXT);
        }
        columns.put("events", Kind.NUMBER);
        columns.put("is_bot", Kind.FLAG);
        columns.put("converted", Kind.FLAG);
        columns.put("revenue", Kind.NUMBER);
        columns.put("is_new_user", Kind.FLAG);
        return TablesawFrame.read(file, columns).whereFalse("is_bot");
    }

    private static List<String> tallies(Map<?, SessionSummary.Tally> groups) {
        List<String> out = new ArrayList<>();
        groups.forEach((key, t) -> out.add(key + "=" + t.sessions() + "/" + t.converted() + "/" + t.revenue()));
        return out;
    }

    private static List<String> groups(Frame human, List<String> keys) {
        List<String> out = new ArrayList<>();
        for (Group g : human.groupBy(keys, List.of("converted", "revenue"), List.of())) {
            Object key = keys.size() == 1 ? g.key() : g.keys();
            out.add(key + "=" + g.rows() + "/" + Math.round(g.sum("converted")) + "/" + g.sum("revenue"));
        }
        return out;
    }

    @Test
    void equalsTheTableComputationOnEdgeCases() throws Exception {
        Path file = write(HEADER
                + "s1,1,https://shop/,https://www.google.com/,Organic Search,desktop,Windows,Chrome,false,false,0,true,2025-02-23\n"
                + "s2,3,\"https://shop/?a=1,2\",\"https://x.example/\"\"q\"\"\",Referral,mobile,iOS,Safari,false,true,0.1,false,2025-02-23\n"
                + "s3,2,\"https://shop/multi\nline\",,Direct,mobile,iOS,Safari,false,true,0.2,true,2025-02-23\n"
                + "s4,1,https://shop/,https://bot.example/,Referral,desktop,Linux,Chrome,true,true,999,true,2025-02-23\n"
                + "s5,1,https://shop/,'=evil(),Referral,,Android,,false,true,,false,2025-02-24\n"
                + "s6,5,https://shop/,https://www.google.com/,Organic Search,tablet,iPadOS,Safari,false,true,0.3,false,2025-02-24\n"
                + "s7,1,https://shop/,https://www.google.com/,Organic Search,desktop,Windows,Chrome,false,false,0,,2025-02-24\n");
        SessionSummary s = summary(file);
        Frame human = humanTable(file);

        assertThat(s.rowsRead()).isEqualTo(7);
        assertThat(s.human().sessions()).isEqualTo(human.rows()).isEqualTo(6);
        assertThat(s.human().converted()).isEqualTo(Math.round(human.sum("converted"))).isEqualTo(4);
        assertThat(s.bounced()).isEqualTo(human.whereNumberEquals("events", 1).rows()).isEqualTo(3);
        assertThat(s.newUsers().sessions()).isEqualTo(Math.round(human.sum("is_new_user"))).isEqualTo(2);
        assertThat(s.newUsers().revenue()).isEqualTo(human.whereTrue("is_new_user").sum("revenue"));
        assertThat(s.returningUsers().revenue()).as("0.1 + 0.3, missing revenue skipped, in file order")
                .isEqualTo(human.whereFalse("is_new_user").sum("revenue")).isEqualTo(0.1 + 0.3);
        assertThat(s.returningUsers().sessions()).isEqualTo(human.whereFalse("is_new_user").rows()).isEqualTo(4);
        assertThat(tallies(s.byDevice())).isEqualTo(groups(human, List.of("device")));
        assertThat(tallies(s.byBrowser())).isEqualTo(groups(human, List.of("browser")));
        assertThat(tallies(s.byReferrerAndChannel())).isEqualTo(groups(human, List.of("landing_referrer", "channel")));
        assertThat(s.byReferrerAndChannel()).containsKey(List.of("https://x.example/\"q\"", "Referral"))
                .as("formula protection undone").containsKey(List.of("=evil()", "Referral"));
        assertThat(s.byDevice()).as("a missing device is grouped under the empty string").containsKey("");
        assertThat(s.byDevice().get("mobile").revenue()).isEqualTo(0.1 + 0.2);
    }

    @Test
    void headerOnlyAndEmptyFilesGiveZeroSessions() throws Exception {
        SessionSummary headerOnly = summary(write(HEADER));
        assertThat(headerOnly.rowsRead()).isZero();
        assertThat(headerOnly.human().sessions()).isZero();
        assertThat(headerOnly.byDevice()).isEmpty();
        assertThat(headerOnly.byReferrerAndChannel()).isEmpty();
        assertThat(summary(write("")).rowsRead()).isZero();
    }

    @Test
    void onlyBotsGiveNoHumanSessionsButCountAsRowsRead() throws Exception {
        SessionSummary s = summary(write(HEADER
                + "s1,1,https://shop/,,Direct,desktop,Linux,Chrome,true,true,10,true,2025-02-23\n"));
        assertThat(s.rowsRead()).isEqualTo(1);
        assertThat(s.human().sessions()).isZero();
        assertThat(s.byBrowser()).isEmpty();
    }
}
