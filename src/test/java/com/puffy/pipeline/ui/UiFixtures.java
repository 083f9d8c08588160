package com.puffy.pipeline.ui;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.GenerateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/** Small stage outputs written by hand in the file contracts of docs/architecture.md, for screen tests. */
final class UiFixtures {
    private UiFixtures() {
    }

    /** Whether {@code node} is in a scene and it and every parent are visible. */
    static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null && node.getScene() != null;
    }

    /** alerts.csv with two CRITICAL alerts (a volume drop on Jan 7, schema drift on Jan 9) and a WARNING (bots, Jan 6). */
    static final String TWO_CRITICAL_ONE_WARNING = """
            alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
            A1,2025-01-07,VOLUME_ANOMALY,CRITICAL,events,40,100,60,events 40 vs a baseline median of 100.,Check the export.
            A2,2025-01-09,SCHEMA_DRIFT,CRITICAL,schema_changes,1,,0,`referrer` is missing.,Ask the export owner.
            A3,2025-01-06,BOT_SHARE,WARNING,bot_share,0.25,0.05,0.2,Bots made 25% of valid rows.,Check the bot filter.
            """;

    /**
     * The words of the notice line {@code id} (a line above the screens) on each of the four screens in turn; "" on a
     * screen where it is not in view.
     */
    static java.util.List<String> noticeOnEachScreen(org.testfx.api.FxRobot robot, MainView view, String id) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (StageId stage : StageId.values()) {
            robot.interact(() -> view.select(stage));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node line = robot.lookup("#" + id).query();
            boolean inView = line.isVisible() && line.isManaged() && line.getScene() != null
                    && line.localToScene(line.getBoundsInLocal()).getHeight() > 0;
            seen.add(inView ? robot.lookup("#" + id + "-text").queryAs(javafx.scene.control.Label.class).getText()
                    : "");
        }
        return seen;
    }

    /** The words of a TextFlow (Quality's why line) as they read: its texts and links in order. */
    static String flowText(javafx.scene.Node flow) {
        StringBuilder text = new StringBuilder();
        for (javafx.scene.Node part : ((javafx.scene.text.TextFlow) flow).getChildren()) {
            text.append(part instanceof javafx.scene.text.Text words ? words.getText()
                    : ((javafx.scene.control.Labeled) part).getText());
        }
        return text.toString();
    }

    /**
     * Generates 14 clean days of 80 events from {@code start} into {@code input} and runs every stage up to Analysis
     * on them (as of the day after the last), for screens that read the real engine's outputs; returns the outputs.
     */
    static Path analysedTwoWeeks(Path input, LocalDate start) {
        EventGenerator.generate(new GenerateSettings(input, 14, 80, start, 7, Set.of()), Progress.NONE,
                Cancellation.none());
        Path output = RunSettings.defaultOutputFor(input);
        StudioEngine.standardPipeline().run(new RunSettings(input, output, ConfigLoader.defaults(), null,
                start.plusDays(14), false, null), Set.of(StageId.ANALYSIS), false, PipelineListener.NONE,
                Cancellation.none());
        return output;
    }

    static void quality(Path out) throws IOException {
        Path q = Files.createDirectories(out.resolve("quality"));
        Files.writeString(q.resolve("file_summary.csv"), """
                file,partition_date,is_event_file,header,rows_read,rows_valid,rows_quarantined,rows_duplicate,rows_missing_client_id,bytes,sha256,from_cache
                events_20250101.csv,2025-01-01,true,client_id|page_url|referrer|timestamp|event_name|event_data|user_agent,100,95,3,2,1,9000,ab,false
                events_20250102.csv,2025-01-02,true,clientId|page_url|referrer|timestamp|event_name|event_data|user_agent,120,118,2,0,2,9900,cd,false
                events_20250103.csv,2025-01-03,true,clientId|page_url|referrer|timestamp|event_name|user_agent,80,80,0,0,0,7000,ef,false
                notes.csv,,false,a|b,0,0,0,0,0,10,gh,false
                """);
        Files.writeString(q.resolve("schema_drift.csv"), """
                file,partition_date,change,column,raw_header,detail,episode_files,metric,value,baseline
                events_20250102.csv,2025-01-02,RENAMED,client_id,clientId,`client_id` arrives as `clientId`,2,,,
                events_20250103.csv,2025-01-03,MISSING,event_data,,`event_data` is missing,1,,,
                """);
        Files.writeString(q.resolve("findings.csv"), """
                file,line,severity,code,column,value,message,partition_date
                events_20250101.csv,4,ERROR,MISSING_CLIENT_ID,client_id,,The client id is empty.,2025-01-01
                events_20250101.csv,9,WARNING,BOT_USER_AGENT,user_agent,Googlebot/2.1,The user agent is a bot.,2025-01-01
                events_20250101.csv,12,INFO,DUPLICATE_EVENT,,,Same as line 11.,2025-01-01
                events_20250102.csv,7,ERROR,INVALID_TIMESTAMP,timestamp,yesterday,Not an ISO-8601 timestamp.,2025-01-02
                notes.csv,,INFO,NOT_AN_EVENT_FILE,,,Not an event file.,
                """);
        Files.writeString(q.resolve("quarantine.csv"), """
                file,line,reasons,raw_client_id,raw_page_url,raw_referrer,raw_timestamp,raw_event_name,raw_event_data,raw_user_agent,raw_record
                events_20250101.csv,4,MISSING_CLIENT_ID,,https://puffy.com/,,2025-01-01T10:00:00.000Z,page_viewed,,Mozilla/5.0,",https://puffy.com/,,2025-01-01T10:00:00.000Z,page_viewed,,Mozilla/5.0"
                events_20250102.csv,7,INVALID_TIMESTAMP,1740268798-lvfV1k5nHCN8,https://puffy.com/,,yesterday,page_viewed,,Mozilla/5.0,"1740268798-lvfV1k5nHCN8,https://puffy.com/,,yesterday,page_viewed,,Mozilla/5.0"
                """);
    }

    static void transform(Path out) throws IOException {
        Path t = Files.createDirectories(out.resolve("transform"));
        Files.writeString(t.resolve("sessions.csv"), """
                session_id,client_id,session_start,session_end,duration_s,events,page_views,landing_page,landing_referrer,channel,device,os,browser,is_bot,added_to_cart,started_checkout,converted,revenue,is_new_user,date
                s1,1740268798-lvfV1k5nHCN8,2025-01-01T10:00:00.000Z,2025-01-01T10:12:00.000Z,720,3,3,https://puffy.com/,https://www.google.com/,Organic Search,mobile,iOS,Safari,false,false,false,false,0,true,2025-01-01
                s2,1740268798-lvfV1k5nHCN8,2025-01-03T18:00:00.000Z,2025-01-03T18:20:00.000Z,1200,4,2,https://puffy.com/mattress?utm_medium=cpc,,Paid Search,mobile,iOS,Safari,false,true,true,true,1299.5,false,2025-01-03
                s3,1740000000-abcdefghijkl,2025-01-02T09:00:00.000Z,2025-01-02T09:01:00.000Z,60,1,1,https://puffy.com/,,Direct,desktop,Windows,Chrome,false,false,false,false,0,true,2025-01-02
                """);
        Files.writeString(t.resolve("users.csv"), """
                client_id,first_seen,last_seen,sessions,events,conversions,revenue,first_channel,device
                1740268798-lvfV1k5nHCN8,2025-01-01T10:00:00.000Z,2025-01-03T18:20:00.000Z,2,7,1,1299.5,Organic Search,mobile
                1740000000-abcdefghijkl,2025-01-02T09:00:00.000Z,2025-01-02T09:01:00.000Z,1,1,0,0,Direct,desktop
                """);
        Files.writeString(t.resolve("conversions.csv"), """
                order_key,transaction_id,client_id,session_id,timestamp,revenue,flags,items,quantity,user_email,date,channel_last_click
                ORD-20250103-001,ORD-20250103-001,1740268798-lvfV1k5nHCN8,s2,2025-01-03T18:19:00.000Z,1299.5,,1,1,abc,2025-01-03,Paid Search
                """);
        StringBuilder attribution = new StringBuilder(
                "order_key,model,session_id,channel,credit,revenue_credit,touchpoint,touchpoints,session_start,date\n");
        String[][] credits = {{"first_click", "1", "0"}, {"last_click", "0", "1"}, {"last_non_direct", "0", "1"},
                {"linear", "0.5", "0.5"}, {"position_based", "0.5", "0.5"}, {"time_decay", "0.4", "0.6"}};
        for (String[] c : credits) {
            if (!c[1].equals("0")) {
                attribution.append("ORD-20250103-001,").append(c[0]).append(",s1,Organic Search,").append(c[1])
                        .append(',').append(Double.parseDouble(c[1]) * 1299.5).append(",1,2,2025-01-01T10:00:00.000Z,2025-01-03\n");
            }
            if (!c[2].equals("0")) {
                attribution.append("ORD-20250103-001,").append(c[0]).append(",s2,Paid Search,").append(c[2])
                        .append(',').append(Double.parseDouble(c[2]) * 1299.5).append(",2,2,2025-01-03T18:00:00.000Z,2025-01-03\n");
            }
        }
        Files.writeString(t.resolve("attribution.csv"), attribution.toString());
        Files.writeString(t.resolve("daily_metrics.csv"), """
                date,events,sessions,users,conversions,revenue,session_cvr,bot_share,client_id_null_rate
                2025-01-01,3,1,1,0,0,0,0,0.01
                2025-01-02,1,1,1,0,0,0,0,0.0
                2025-01-03,4,1,1,1,1299.5,1,0,0.0
                """);
        Path q = Files.createDirectories(out.resolve("quality"));
        Files.writeString(q.resolve("validated_events.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent,event_id,file,line,partition_date,is_bot,flags,order_key,revenue
                1740268798-lvfV1k5nHCN8,https://puffy.com/,https://www.google.com/,2025-01-01T10:00:00.000Z,page_viewed,,UA,e1,events_20250101.csv,2,2025-01-01,false,,,
                1740268798-lvfV1k5nHCN8,https://puffy.com/a,,2025-01-01T10:05:00.000Z,page_viewed,,UA,e2,events_20250101.csv,3,2025-01-01,false,,,
                1740268798-lvfV1k5nHCN8,https://puffy.com/b,,2025-01-01T10:12:00.000Z,page_viewed,,UA,e3,events_20250101.csv,4,2025-01-01,false,,,
                1740268798-lvfV1k5nHCN8,https://puffy.com/mattress?utm_medium=cpc,,2025-01-03T18:00:00.000Z,page_viewed,,UA,e4,events_20250103.csv,2,2025-01-03,false,,,
                1740268798-lvfV1k5nHCN8,https://puffy.com/mattress,,2025-01-03T18:05:00.000Z,product_added_to_cart,,UA,e5,events_20250103.csv,3,2025-01-03,false,,,
                1740268798-lvfV1k5nHCN8,https://puffy.com/checkout,,2025-01-03T18:10:00.000Z,checkout_started,,UA,e6,events_20250103.csv,4,2025-01-03,false,,,
                1740268798-lvfV1k5nHCN8,https://puffy.com/thanks,,2025-01-03T18:19:00.000Z,checkout_completed,{},UA,e7,events_20250103.csv,5,2025-01-03,false,,ORD-20250103-001,1299.5
                """);
    }

    static void monitoring(Path out) throws IOException {
        Path m = Files.createDirectories(out.resolve("monitoring"));
        Files.writeString(m.resolve("alerts.csv"), """
                alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
                A1,2025-01-05,BOT_SHARE,WARNING,bot_share,0.25,0.05,0.2,Bots made 25 % of valid rows.,Check the bot filter.
                A2,2025-01-06,VOLUME_ANOMALY,CRITICAL,events,40,100,0.5,Events fell 60 % below the baseline.,Check the export of that day.
                A3,2025-01-02,SCHEMA_DRIFT,INFO,,,,,client_id came back.,Nothing to do.
                """);
        Files.writeString(m.resolve("incidents.csv"), """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I1,VOLUME_ANOMALY,2025-01-06,2025-01-06,1,CRITICAL,Events fell on 2025-01-06.
                I2,BOT_SHARE,2025-01-05,2025-01-05,1,WARNING,Bot share high on 2025-01-05.
                """);
        StringBuilder metrics = new StringBuilder("date,metric,value,baseline,band_low,band_high,fired\n");
        int[] events = {100, 104, 98, 101, 99, 97, 40};
        for (int d = 0; d < events.length; d++) {
            String date = "2025-01-0" + (d + 1);
            String base = d < 3 ? ",,," : ",100,90,110,";
            metrics.append(date).append(",events,").append(events[d]).append(base).append(d == 6).append("\n");
        }
        Files.writeString(m.resolve("metrics.csv"), metrics.toString());
    }
}
