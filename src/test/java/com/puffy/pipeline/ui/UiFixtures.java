package com.puffy.pipeline.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small stage outputs written by hand in the file contracts of docs/architecture.md, for screen tests. */
final class UiFixtures {
    private UiFixtures() {
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
}
