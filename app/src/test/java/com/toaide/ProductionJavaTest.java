package com.toaide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Production is measured on one Java release (docs/deploy.md); Railway's builder installs another
 * unless told, so a production start on an older one says how to fix it.
 */
class ProductionJavaTest {
    @Test
    void an_older_java_is_named_with_the_variable_that_picks_the_right_one() {
        assertThat(App.olderJavaLine(Runtime.Version.parse("21.0.5+11")))
                .hasValueSatisfying(line -> assertThat(line)
                        .contains("Java 21.0.5+11")
                        .contains("RAILPACK_JDK_VERSION=" + App.PRODUCTION_JAVA));
        assertThat(App.olderJavaLine(Runtime.Version.parse("17.0.15"))).isPresent();
    }

    @Test
    void the_production_release_and_newer_say_nothing() {
        assertThat(App.olderJavaLine(Runtime.Version.parse(App.PRODUCTION_JAVA + ".0.3+9"))).isEmpty();
        assertThat(App.olderJavaLine(Runtime.Version.parse((App.PRODUCTION_JAVA + 1) + "-ea"))).isEmpty();
    }
}
