package com.puffy.pipeline.analysis;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A hand-written run folder following the file contracts of docs/architecture.md: three days, six human sessions
 * and one bot session, four orders (two sharing a transaction id, one with revenue 0, one with an unpriced item),
 * the referrer column missing for the last two files and a client-id spike on the second day. The expected figures
 * in the tests are computed by hand from these rows.
 */
final class AnalysisFixture {
    private AnalysisFixture() {
    }

    static final String EVIL_REFERRER = "https://evil.example/<script>alert(1)</script>";
    static final String EVIL_PRODUCT = "Topper <b>\"Firm\"</b> & <script>x</script>";

    static void write(Path out) throws IOException {
        Path q = Files.createDirectories(out.resolve("quality"));
        Path t = Files.createDirectories(out.resolve("transform"));
        Path m = Files.createDirectories(out.resolve("monitoring"));
        Files.writeString(t.resolve("sessions.csv"), """
                session_id,client_id,session_start,session_end,duration_s,events,page_views,landing_page,landing_referrer,channel,device,os,browser,is_bot,added_to_cart,started_checkout,converted,revenue,is_new_user,date
                s1,c1,2025-03-01T10:00:00.000Z,2025-03-01T10:30:00.000Z,1800,3,1,https://puffy.com/,,Paid Search,mobile,iOS,Safari,false,true,true,true,100,true,2025-03-01
                s2,c2,2025-03-01T11:00:00.000Z,2025-03-01T11:00:00.000Z,0,1,1,https://puffy.com/,,Direct,desktop,Windows,Chrome,false,false,false,false,0,true,2025-03-01
                s3,c3,2025-03-02T08:00:00.000Z,2025-03-02T08:00:00.000Z,0,1,1,https://puffy.com/,https://www.google.com/,Organic Search,mobile,Android,Chrome,false,false,false,false,0,true,2025-03-02
                s5,bot1,2025-03-02T09:00:00.000Z,2025-03-02T09:00:00.000Z,0,1,1,https://puffy.com/,,Direct,desktop,Linux,HeadlessChrome,true,false,false,false,0,true,2025-03-02
                s6,c4,2025-03-02T11:50:00.000Z,2025-03-02T12:00:00.000Z,600,2,1,https://puffy.com/,"%s",Referral,desktop,macOS,Chrome,false,true,true,true,50,true,2025-03-02
                s4,c1,2025-03-03T09:00:00.000Z,2025-03-03T09:30:00.000Z,1800,4,2,https://puffy.com/,,Email,mobile,iOS,Safari,false,true,true,true,300,false,2025-03-03
                s7,c5,2025-03-03T14:59:00.000Z,2025-03-03T15:00:00.000Z,60,1,0,https://puffy.com/,,Paid Search,tablet,iPadOS,Firefox,false,true,true,true,0,true,2025-03-03
                """.formatted(EVIL_REFERRER));
        Files.writeString(t.resolve("users.csv"), """
                client_id,first_seen,last_seen,sessions,events,conversions,revenue,first_channel,device
                c1,2025-03-01T10:00:00.000Z,2025-03-03T09:30:00.000Z,2,7,2,400,Paid Search,mobile
                """);
        Files.writeString(t.resolve("conversions.csv"), """
                order_key,transaction_id,client_id,session_id,timestamp,revenue,flags,items,quantity,user_email,date,channel_last_click
                ORD-1,ORD-1,c1,s1,2025-03-01T10:30:00.000Z,100,,2,3,e1,2025-03-01,Paid Search
                ORD-2~1,ORD-2,c4,s6,2025-03-02T12:00:00.000Z,50,TRANSACTION_ID_COLLISION;PURCHASE_ITEM_PRICE_MISSING,1,1,e4,2025-03-02,Referral
                ORD-3,ORD-3,c1,s4,2025-03-03T09:30:00.000Z,300,,1,1,e1,2025-03-03,Email
                ORD-2~2,ORD-2,c5,s7,2025-03-03T15:00:00.000Z,0,TRANSACTION_ID_COLLISION;PURCHASE_ZERO_REVENUE,1,1,e5,2025-03-03,Paid Search
                """);
        Files.writeString(t.resolve("order_items.csv"), """
                order_key,item_id,item_name,item_variant,quantity,item_price,date
                ORD-1,LUX-Q,Puffy Lux Mattress,Queen,1,70,2025-03-01
                ORD-1,PIL-S,Puffy Pillow,Standard,2,30,2025-03-01
                ORD-2~1,PIL-S,Puffy Pillow,Standard,1,,2025-03-02
                ORD-3,LUX-Q,Puffy Lux Mattress,Queen,1,300,2025-03-03
                ORD-2~2,TOP-F,"%s",Firm,1,,2025-03-03
                """.formatted(EVIL_PRODUCT.replace("\"", "\"\"")));
        Files.writeString(t.resolve("attribution.csv"), """
                order_key,model,session_id,channel,credit,revenue_credit,touchpoint,touchpoints,session_start,date
                ORD-1,first_click,s1,Paid Search,1,100,1,1,2025-03-01T10:00:00.000Z,2025-03-01
                ORD-1,last_click,s1,Paid Search,1,100,1,1,2025-03-01T10:00:00.000Z,2025-03-01
                ORD-2~1,first_click,s6,Referral,1,50,1,1,2025-03-02T11:50:00.000Z,2025-03-02
                ORD-2~1,last_click,s6,Referral,1,50,1,1,2025-03-02T11:50:00.000Z,2025-03-02
                ORD-3,first_click,s1,Paid Search,1,300,1,2,2025-03-01T10:00:00.000Z,2025-03-03
                ORD-3,last_click,s4,Email,1,300,2,2,2025-03-03T09:00:00.000Z,2025-03-03
                ORD-2~2,first_click,s7,Paid Search,1,0,1,1,2025-03-03T14:59:00.000Z,2025-03-03
                ORD-2~2,last_click,s7,Paid Search,1,0,1,1,2025-03-03T14:59:00.000Z,2025-03-03
                """);
        Files.writeString(t.resolve("daily_metrics.csv"), """
                date,events,sessions,users,conversions,revenue,session_cvr,bot_share,client_id_null_rate,rows_read,rows_missing_client_id,bot_rows,orders_zero_revenue,orders_item_price_missing,orders_collided,direct_revenue_last_click
                2025-03-01,4,2,2,1,100,0.5,0,0,4,0,0,0,0,0,0
                2025-03-02,4,2,3,1,50,0.5,0.25,0.2,5,1,1,0,1,1,0
                2025-03-03,5,2,2,2,300,1,0,0,6,0,0,1,0,1,0
                """);
        Files.writeString(t.resolve("funnel.csv"), """
                step,sessions,rate_from_previous,rate_from_start
                sessions,6,1,1
                page_viewed,6,1,1
                product_added_to_cart,4,0.666667,0.666667
                checkout_started,4,1,0.666667
                purchase,4,1,0.666667
                """);
        Files.writeString(t.resolve("channel_performance.csv"), """
                model,channel,sessions,conversions,revenue
                first_click,Paid Search,2,3,400
                first_click,Referral,1,1,50
                first_click,Email,1,0,0
                first_click,Direct,1,0,0
                first_click,Organic Search,1,0,0
                last_click,Email,1,1,300
                last_click,Paid Search,2,2,100
                last_click,Referral,1,1,50
                last_click,Direct,1,0,0
                last_click,Organic Search,1,0,0
                """);
        Files.writeString(t.resolve("reconciliation.csv"), """
                date,check,expected,actual,difference,ok
                ALL,conversions_revenue,450,450,0,true
                2025-03-01,conversions_revenue,100,100,0,true
                """);
        Files.writeString(q.resolve("file_summary.csv"), """
                file,partition_date,is_event_file,header,rows_read,rows_valid,rows_quarantined,rows_duplicate,rows_missing_client_id,bytes,sha256,from_cache
                events_20250301.csv,2025-03-01,true,client_id|page_url|referrer|timestamp|event_name|event_data|user_agent,4,4,0,0,0,100,aa,false
                events_20250302.csv,2025-03-02,true,client_id|page_url|timestamp|event_name|event_data|user_agent,5,4,1,0,1,100,bb,false
                events_20250303.csv,2025-03-03,true,client_id|page_url|timestamp|event_name|event_data|user_agent,6,5,0,1,0,100,cc,false
                notes.csv,,false,a|b,0,0,0,0,0,10,dd,false
                """);
        Files.writeString(q.resolve("schema_drift.csv"), """
                file,partition_date,change,column,raw_header,detail,episode_files,metric,value,baseline
                events_20250302.csv,2025-03-02,MISSING,referrer,,referrer is absent,2,,,
                """);
        Files.writeString(q.resolve("findings.csv"), """
                file,line,severity,code,column,value,message,partition_date
                events_20250302.csv,3,ERROR,MISSING_CLIENT_ID,client_id,,The client id is empty,2025-03-02
                events_20250302.csv,4,WARNING,BOT_USER_AGENT,user_agent,HeadlessChrome,bot,2025-03-02
                events_20250302.csv,5,WARNING,TRANSACTION_ID_COLLISION,event_data,ORD-2,collision,2025-03-02
                events_20250303.csv,4,WARNING,TRANSACTION_ID_COLLISION,event_data,ORD-2,collision,2025-03-03
                events_20250303.csv,4,WARNING,PURCHASE_ZERO_REVENUE,event_data,0,zero,2025-03-03
                events_20250303.csv,6,INFO,DUPLICATE_EVENT,,,copy of line 5,2025-03-03
                """);
        Files.writeString(q.resolve("quarantine.csv"), """
                file,line,reasons,raw_client_id,raw_page_url,raw_referrer,raw_timestamp,raw_event_name,raw_event_data,raw_user_agent,raw_record
                events_20250302.csv,3,MISSING_CLIENT_ID;PURCHASE_INVALID_REVENUE,,https://puffy.com/,,2025-03-02T10:00:00.000Z,checkout_completed,"{""revenue"":""x""}",UA,x
                """);
        Files.writeString(m.resolve("alerts.csv"), """
                alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
                A1,2025-03-02,CLIENT_ID_NULL_RATE,CRITICAL,client_id_null_rate,0.2,0,0.1,20% of rows lack a client id,Check the tag
                A2,2025-03-02,TRANSACTION_ID_COLLISION,CRITICAL,orders_collided,1,0,0,1 collided order,Check the shop
                A3,2025-03-03,TRANSACTION_ID_COLLISION,CRITICAL,orders_collided,1,0,0,1 collided order,Check the shop
                A4,2025-03-03,ZERO_REVENUE_ORDERS,WARNING,orders_zero_revenue,1,0,0,1 order with revenue 0,Check the shop
                """);
        Files.writeString(m.resolve("incidents.csv"), """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I1,CLIENT_ID_NULL_RATE,2025-03-02,2025-03-02,1,CRITICAL,20% of rows without client id
                I2,TRANSACTION_ID_COLLISION,2025-03-02,2025-03-03,2,CRITICAL,Colliding transaction ids on 2 days
                I3,ZERO_REVENUE_ORDERS,2025-03-03,2025-03-03,1,WARNING,1 order with revenue 0
                """);
    }

    /** A context whose output folder is {@code out} and whose work folder is {@code work}. */
    static RunContext context(Path out, Path work) throws IOException {
        Files.createDirectories(work);
        RunSettings settings = new RunSettings(out.resolve("events"), out, ConfigLoader.defaults(), null,
                LocalDate.of(2025, 3, 4), false, null);
        return new RunContext(settings, work);
    }
}
