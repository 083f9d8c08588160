package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.analysis.Frame.Group;
import com.puffy.pipeline.analysis.Frame.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesawFrameTest {
    @TempDir
    Path dir;

    private Frame read(String csv) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, csv);
        Map<String, Kind> columns = new LinkedHashMap<>();
        columns.put("name", Kind.TEXT);
        columns.put("amount", Kind.NUMBER);
        columns.put("ok", Kind.FLAG);
        columns.put("order", Kind.TEXT);
        return TablesawFrame.read(file, columns);
    }

    @Test
    void aggregatesSkipMissingNumbersAndCountFlagsAsOnes() throws Exception {
        Frame f = read("name,amount,ok,order,unused\na,10,true,o1,x\nb,,false,o2,x\na,5,true,o1,x\nNA,2.5,,o3,x\n");
        assertThat(f.rows()).isEqualTo(4);
        assertThat(f.sum("amount")).isEqualTo(17.5);
        assertThat(f.sum("ok")).isEqualTo(2.0);
        assertThat(f.median("amount")).isEqualTo(5.0);
        assertThat(f.whereFalse("ok").rows()).as("missing flags count as false").isEqualTo(2);
        assertThat(f.whereMissing("amount").text("name")).containsExactly("b");
        assertThat(f.text("name")).as("NA is a value, not a missing marker").contains("NA");
    }

    @Test
    void groupsAreSortedByKeyWithSumsAndDistinctCounts() throws Exception {
        Frame f = read("name,amount,ok,order\nb,1,true,o1\na,10,false,o2\nb,,true,o1\nb,4,false,o3\n");
        List<Group> groups = f.groupBy(List.of("name"), List.of("amount", "ok"), List.of("order"));
        assertThat(groups).extracting(Group::key).containsExactly("a", "b");
        Group b = groups.get(1);
        assertThat(b.rows()).isEqualTo(3);
        assertThat(b.sum("amount")).isEqualTo(5.0);
        assertThat(b.sum("ok")).isEqualTo(2.0);
        assertThat(b.distinct("order")).isEqualTo(2);
    }

    @Test
    void formulaProtectionOfCsvOutputIsUndoneForLabels() throws Exception {
        Frame f = read("name,amount,ok,order\n'=cmd,1,true,o1\n'-5 off,2,true,o2\n");
        assertThat(f.text("name")).containsExactly("=cmd", "-5 off");
    }

    @Test
    void aHeaderOnlyFileIsAnEmptyFrame() throws Exception {
        Frame f = read("name,amount,ok,order\n");
        assertThat(f.rows()).isZero();
        assertThat(f.sum("amount")).isZero();
        assertThat(f.median("amount")).isNaN();
        assertThat(f.groupBy(List.of("name"), List.of("amount"), List.of())).isEmpty();
    }

    @Test
    void listColumnsMatchWholeCodes() throws Exception {
        Frame f = read("name,amount,ok,order\nx,1,true,A;B\ny,1,true,AB\nz,1,true,B\n");
        assertThat(f.whereListHas("order", "B").text("name")).containsExactly("x", "z");
    }
}
