package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Json;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/** {@link JsonLineWriter} writes what Jackson's generators write for the same line. */
class JsonLineWriterTest {

    private static byte[] written(String key, String... values) {
        var out = new ByteArrayOutputStream();
        JsonLineWriter writer = new JsonLineWriter();
        for (String value : values) {
            writer.line(key, value, out);
        }
        return out.toByteArray();
    }

    /** Jackson's byte generator, as the command wrote these lines before. */
    private static byte[] byJacksonBytes(String key, String... values) {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.writer().withRootValueSeparator("").createGenerator(out)) {
            line(json, key, values);
        }
        return out.toByteArray();
    }

    /** Jackson's character generator and the encoder after it: the text path, lone surrogates and all. */
    private static byte[] byJacksonText(String key, String... values) {
        var out = new StringWriter();
        try (JsonGenerator json = Json.MAPPER.writer().withRootValueSeparator("").createGenerator(out)) {
            line(json, key, values);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(JsonGenerator json, String key, String... values) {
        for (String value : values) {
            json.writeStartObject();
            json.writeStringProperty(key, value);
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    @Test
    void every_character_outside_the_surrogates_is_written_as_the_generator_writes_it() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            all.append(c);
        }
        for (int c = Character.MAX_SURROGATE + 1; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        all.append("\uD83D\uDE00 \uDBFF\uDFFF");
        // Characters under U+0100 only take the writer's other way, question marks and all.
        String latin1 = all.substring(0, 256).repeat(3) + "?a?";
        String[] values = {all.toString(), latin1, latin1 + "\u0100", "?".repeat(20) + "\u20ac", "", "\"", "\\",
                "<p class=\"a\">caf\u00e9</p>\n"};

        assertThat(written("html", values)).isEqualTo(byJacksonBytes("html", values));
        assertThat(written("error", values)).isEqualTo(byJacksonText("error", values));
    }

    @Test
    void random_lines_of_any_length_match_and_lone_surrogates_match_the_text_path() {
        Random random = new Random(17);
        String pieces = "ab<>=\"\\/\n\t\u0001\u007f\u0085\u00e9\u2028\u20ac\uFFFF";
        for (int round = 0; round < 300; round++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 200_000 : 300);
            boolean lone = round % 3 == 0;
            while (value.length() < length) {
                int pick = random.nextInt(pieces.length() + 2);
                if (pick < pieces.length()) {
                    value.append(pieces.charAt(pick));
                } else if (pick == pieces.length()) {
                    value.append("\uD83C\uDF89");
                } else if (lone) {
                    value.append(random.nextBoolean() ? '\uD800' : '\uDFFF');
                }
            }
            String[] values = {value.toString(), "x"};

            assertThat(written("html", values)).as("round %d", round).isEqualTo(byJacksonText("html", values));
            if (!lone) {
                assertThat(written("html", values)).as("round %d", round).isEqualTo(byJacksonBytes("html", values));
            }
        }
    }
}
