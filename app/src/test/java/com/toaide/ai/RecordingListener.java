package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records what a model call reported; tests wait on its latches, never on the clock. */
final class RecordingListener implements TurnListener {
    final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<Usage> usages = new CopyOnWriteArrayList<>();
    /** Every callback in order, by name, to check the order and that exactly one end came. */
    final List<String> callbacks = new CopyOnWriteArrayList<>();
    final CountDownLatch firstToolCall = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);
    volatile StopReason stopReason;
    volatile ProviderError error;

    @Override
    public void onToolCall(ToolCall call) {
        callbacks.add("toolCall");
        toolCalls.add(call);
        firstToolCall.countDown();
    }

    @Override
    public void onText(String text) {
        callbacks.add("text");
        texts.add(text);
    }

    @Override
    public void onUsage(Usage usage) {
        callbacks.add("usage");
        usages.add(usage);
    }

    @Override
    public void onDone(StopReason reason) {
        callbacks.add("done");
        stopReason = reason;
        ended.countDown();
    }

    @Override
    public void onError(ProviderError providerError) {
        callbacks.add("error");
        error = providerError;
        ended.countDown();
    }

    RecordingListener awaitEnd() throws InterruptedException {
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the call ended").isTrue();
        return this;
    }

    void awaitFirstToolCall() throws InterruptedException {
        assertThat(firstToolCall.await(10, TimeUnit.SECONDS)).as("a tool call arrived").isTrue();
    }

    List<String> toolNames() {
        return toolCalls.stream().map(ToolCall::name).toList();
    }
}
