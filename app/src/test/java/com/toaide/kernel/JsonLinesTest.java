package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void lines_worked_on_every_core_come_out_in_input_order_with_their_numbers() throws Exception {
        // More lines than one batch holds, with blank lines that keep their numbers.
        int count = JsonLines.MAX_LINES * 3 + 7;
        String input = IntStream.rangeClosed(1, count).mapToObj(i -> i % 10 == 0 ? " " : "line" + i)
                .collect(Collectors.joining("\n"));
        var out = new StringWriter();

        boolean allGood = JsonLines.run(new BufferedReader(new StringReader(input)), out,
                (number, line) -> new JsonLines.Output(number + ":" + line, number != 77));

        String expected = IntStream.rangeClosed(1, count).filter(i -> i % 10 != 0).mapToObj(i -> i + ":line" + i + "\n")
                .collect(Collectors.joining());
        assertThat(out.toString()).isEqualTo(expected);
        assertThat(allGood).as("line 77 was bad").isFalse();
    }

    @Test
    void a_line_typed_by_hand_is_answered_before_the_next_one_comes() throws Exception {
        var typed = new PipedWriter();
        var reader = new BufferedReader(new PipedReader(typed)); // connected before anything is typed
        var answers = new LinkedBlockingQueue<String>();
        var out = new StringWriter() {
            @Override
            public void flush() {
                answers.add(toString());
            }
        };
        var run = CompletableFuture.supplyAsync(() -> {
            try {
                return JsonLines.run(reader, out,
                        (number, line) -> new JsonLines.Output(line.toUpperCase(), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        typed.write("first\n");
        typed.flush();
        assertThat(answers.poll(10, TimeUnit.SECONDS)).isEqualTo("FIRST\n");
        typed.write("second\n");
        typed.close();
        assertThat(run.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(out.toString()).isEqualTo("FIRST\nSECOND\n");
    }
}
