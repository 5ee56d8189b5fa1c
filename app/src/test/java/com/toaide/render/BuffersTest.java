package com.toaide.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BuffersTest {
    private final Buffers buffers = new Buffers();

    @Test
    void a_builder_given_back_is_handed_out_again_empty_and_a_taken_one_never_twice() {
        StringBuilder first = buffers.take(100);
        StringBuilder second = buffers.take(100);
        assertThat(second).isNotSameAs(first);

        first.append("left over");
        buffers.giveBack(first);
        StringBuilder again = buffers.take(100);

        assertThat(again).isSameAs(first).isEmpty();
        assertThat(buffers.take(100)).isNotSameAs(again);
    }

    @Test
    void a_builder_too_small_for_the_render_or_grown_too_large_is_not_used_again() {
        StringBuilder small = buffers.take(100);
        buffers.giveBack(small);
        StringBuilder larger = buffers.take(small.capacity() + 1);
        assertThat(larger).isNotSameAs(small);
        assertThat(larger.capacity()).isGreaterThanOrEqualTo(small.capacity() + 1);

        StringBuilder large = buffers.take(100);
        large.append("x".repeat(Buffers.KEPT + 1));
        buffers.giveBack(large);
        assertThat(buffers.take(100)).isNotSameAs(large);
    }

    @Test
    void each_thread_keeps_its_own() throws Exception {
        StringBuilder mine = buffers.take(100);
        buffers.giveBack(mine);

        StringBuilder theirs = CompletableFuture.supplyAsync(() -> buffers.take(100)).get();

        assertThat(theirs).isNotSameAs(mine);
        assertThat(buffers.take(100)).isSameAs(mine);
    }
}
