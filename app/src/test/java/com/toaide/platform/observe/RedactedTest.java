package com.toaide.platform.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RedactedTest {
    @Test
    void a_logged_error_keeps_its_types_and_frames_but_no_message_anywhere_in_the_chain() {
        var cause = new SQLException("duplicate key (email)=(alice@example.com)");
        var error = new IllegalStateException("insert failed for prop value 'Secret plans'", cause);

        Throwable redacted = Redacted.of(error);
        var printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString())
                .contains("java.lang.IllegalStateException", "java.sql.SQLException", "RedactedTest")
                .doesNotContain("alice@example.com", "Secret plans");
        assertThat(redacted.getStackTrace()).isEqualTo(error.getStackTrace());
    }
}
