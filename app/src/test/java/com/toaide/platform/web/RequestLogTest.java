package com.toaide.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Json;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    @Test
    void a_field_is_a_json_string_that_reads_back_as_written_and_stays_on_one_line() {
        for (String value : new String[] {"plain", "", "quote \" and \\ backslash", "line\nbreak\r\tand \u0000 nul",
                "\u2028\u2029 separators", "ünïcödé ✓", "</script>"}) {
            var line = new StringBuilder();
            RequestLog.field(line, value);
            assertThat(line.toString()).doesNotContain("\n", "\r", "\u2028", "\u2029");
            assertThat(Json.MAPPER.readTree(line.toString()).asString()).isEqualTo(value);
        }
        var none = new StringBuilder();
        RequestLog.field(none, null);
        assertThat(none.toString()).isEqualTo("null");
    }
}
