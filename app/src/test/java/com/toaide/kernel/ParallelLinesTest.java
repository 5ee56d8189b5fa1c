package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelLinesTest {

    /** Work that takes a different time per line (so lines finish out of order) and writes its number and text. */
    private static boolean echo(ParallelLines.Line line, ByteArrayOutputStream out) {
        String text = line.asText();
        long spin = 0;
        for (int i = 0; i < (line.number() * 7919 % 13) * 2_000; i++) {
            spin += i ^ text.length();
        }
        out.writeBytes((line.number() + (spin == -1 ? "!" : ":") + text + "\n").getBytes(StandardCharsets.UTF_8));
        return !text.contains("bad");
    }

    @Test
    void outputs_come_in_input_order_with_blank_lines_counted_and_not_worked() throws IOException {
        Random random = new Random(18);
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 20_000; n++) {
            if (random.nextInt(10) == 0) {
                input.append(random.nextBoolean() ? "" : " \t").append('\n');
                continue;
            }
            String line = "line " + n + " " + "x".repeat(random.nextInt(random.nextInt(50) == 0 ? 100_000 : 200))
                    + (random.nextInt(3) == 0 ? " caf\u00e9" : "");
            input.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
            expected.add(n + ":" + line);
        }
        var out = new ByteArrayOutputStream();

        boolean allOk = ParallelLines.run(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), out,
                ParallelLinesTest::echo);

        assertThat(allOk).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(expected);
    }

    @Test
    void one_line_whose_work_says_false_makes_the_run_false_and_the_rest_is_still_written() throws IOException {
        String input = "a\nb\nbad\nc\n".repeat(500);
        var out = new ByteArrayOutputStream();

        boolean allOk = ParallelLines.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                ParallelLinesTest::echo);

        assertThat(allOk).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2_000).last().isEqualTo("2000:c");
    }

    @Test
    void an_exception_in_the_work_is_thrown_by_the_run() {
        String input = "a\n".repeat(1_000) + "boom\n" + "b\n".repeat(1_000);

        assertThatThrownBy(() -> ParallelLines.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), (line, out) -> {
                    if (line.asText().equals("boom")) {
                        throw new IllegalStateException("line " + line.number());
                    }
                    return true;
                })).isInstanceOf(IllegalStateException.class).hasMessage("line 1001");
    }

    @Test
    void a_line_from_a_pipe_is_answered_before_the_next_line_comes() throws Exception {
        var input = new PipedOutputStream();
        var read = new PipedInputStream(input, 1 << 16); // connected before anything is written to it
        var output = new PipedInputStream(1 << 16);
        var written = new PipedOutputStream(output);
        CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(() -> {
            try (written) {
                return ParallelLines.run(read, written, ParallelLinesTest::echo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // One thread reads the answers: a pipe breaks when a thread that used it has ended.
        var answers = new LinkedBlockingQueue<String>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    answers.add(line);
                }
            } catch (IOException e) {
                answers.add("failed: " + e);
            }
        });
        reader.start();

        for (int n = 1; n <= 3; n++) {
            input.write(("question " + n + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
            // Bounded only so that a broken run fails instead of hanging the suite.
            assertThat(answers.poll(30, TimeUnit.SECONDS)).isEqualTo(n + ":question " + n);
        }
        input.close();
        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
    }
}
