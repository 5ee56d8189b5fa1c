package com.toaide.ai;

import com.toaide.platform.observe.FailureReporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model call, shared by both providers: sends the request (again, on a retryable failure
 * before any content), reads the event stream line by line on a thread of its own, feeds the
 * provider's decoder, and reports to the listener. Its limits and {@link #cancel} act from
 * outside the reading thread, through {@link CallStops}.
 */
final class StreamingCall implements TurnStream, WireFormat.AnswerSink {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingCall.class);
    private static final int ERROR_BODY_LIMIT = 8192;

    private final HttpClient http;
    private final StreamPolicy policy;
    private final WireFormat wire;
    private final TurnRequest request;
    private final TurnListener listener;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread reader;
    private final CallStops stops;

    private boolean contentArrived;

    StreamingCall(HttpClient http, StreamPolicy policy, WireFormat wire, TurnRequest request, TurnListener listener,
            ScheduledExecutorService timers) {
        this.http = http;
        this.policy = policy;
        this.wire = wire;
        this.request = request;
        this.listener = listener;
        this.reader = new Thread(this::run, "ai-call-" + request.model());
        reader.setDaemon(true);
        this.stops = new CallStops(reader, policy, timers);
    }

    StreamingCall start() {
        stops.arm();
        reader.start();
        return this;
    }

    @Override
    public void cancel() {
        stops.stop(ProviderError.Kind.INTERRUPTED, "cancelled");
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    private void run() {
        int attempts = 0;
        Outcome outcome;
        while (true) {
            attempts++;
            outcome = attempt();
            ProviderError error = outcome.error;
            if (error == null || !error.kind().retryable() || contentArrived || attempts > policy.retryDelays().size()) {
                break;
            }
            LOG.info("model call failed before any content, retrying: kind={} detail={} attempt={}", error.kind(),
                    error.detail(), attempts);
            ProviderError stopped = waitBeforeRetry(policy.retryDelays().get(attempts - 1));
            if (stopped != null) {
                outcome = new Outcome(stopped, null, null);
                break;
            }
        }
        finish(outcome, attempts);
    }

    private void finish(Outcome outcome, int attempts) {
        stops.end();
        try {
            if (outcome.usage != null) {
                listener.onUsage(outcome.usage);
            }
            if (outcome.error == null) {
                listener.onDone(outcome.stopReason);
            } else {
                ProviderError error = outcome.error.afterAttempts(attempts);
                LOG.warn("model call failed: kind={} detail={} contentArrived={} status={} attempts={}", error.kind(),
                        error.detail(), error.contentArrived(), error.httpStatus(), attempts);
                listener.onError(error);
            }
        } catch (RuntimeException e) {
            FailureReporter.background(LOG, "AI turn listener at the end of a model call", e, null);
        } finally {
            finished.countDown();
        }
    }

    private ProviderError waitBeforeRetry(Duration delay) {
        try {
            ProviderError stopped = stoppedError();
            if (stopped != null) {
                return stopped;
            }
            Thread.sleep(delay.toMillis());
            stops.progressed();
            return null;
        } catch (InterruptedException e) {
            ProviderError stopped = stoppedError();
            return stopped != null ? stopped : error(ProviderError.Kind.INTERRUPTED, "interrupted", 0);
        }
    }

    private Outcome attempt() {
        ProviderError stopped = stoppedError();
        if (stopped != null) {
            return new Outcome(stopped, null, null);
        }
        HttpRequest.Builder call;
        try {
            call = wire.newRequest(request);
        } catch (WireFormat.StreamFailure tooLarge) {
            return failed(tooLarge.kind, tooLarge.getMessage(), 0);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(call.timeout(policy.noProgressLimit()).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return failed(ProviderError.Kind.STALLED, "no response within " + policy.noProgressLimit(), 0);
        } catch (IOException e) {
            return failed(ProviderError.Kind.UNREACHABLE, e.getClass().getSimpleName(), 0);
        } catch (InterruptedException e) {
            return failed(ProviderError.Kind.INTERRUPTED, "interrupted", 0);
        }
        InputStream in = response.body();
        stops.reading(in);
        stops.progressed();
        try {
            if (response.statusCode() != 200) {
                return refused(response.statusCode(), in);
            }
            return read(in);
        } finally {
            CallStops.closeQuietly(in);
        }
    }

    private Outcome refused(int status, InputStream in) {
        String text;
        try {
            text = new String(in.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        String type = ErrorBodies.errorType(text);
        ProviderError.Kind kind = ErrorBodies.kindOf(status, type);
        return failed(kind, "HTTP " + status + (type == null ? "" : " " + type), status);
    }

    private Outcome read(InputStream in) {
        WireFormat.StreamDecoder decoder = wire.newDecoder(this);
        SseParser parser = new SseParser();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                stops.progressed();
                SseEvent event = parser.accept(line);
                if (event != null) {
                    decoder.accept(event);
                    if (decoder.finished()) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            return failed(ProviderError.Kind.CUT, "stream broke: " + e.getClass().getSimpleName(), 0, decoder.usage());
        } catch (WireFormat.StreamFailure failure) {
            return failed(failure.kind, failure.getMessage(), 0, decoder.usage());
        } catch (Stopped stop) {
            return failed(ProviderError.Kind.INTERRUPTED, "stopped", 0, decoder.usage());
        } catch (RuntimeException e) {
            return failed(ProviderError.Kind.SERVER, "unreadable stream: " + e.getClass().getSimpleName(), 0, decoder.usage());
        }
        if (!decoder.endedWhole()) {
            return failed(ProviderError.Kind.CUT, "the stream ended before the message was complete", 0, decoder.usage());
        }
        return new Outcome(null, decoder.usage(), decoder.stopReason());
    }

    @Override
    public void contentStarted() {
        contentArrived = true;
    }

    @Override
    public void toolCall(ToolCall call) {
        contentArrived = true;
        deliver(() -> listener.onToolCall(call));
    }

    @Override
    public void text(String text) {
        contentArrived = true;
        deliver(() -> listener.onText(text));
    }

    /** Runs a listener callback where it cannot be interrupted, then honours a stop that came meanwhile. */
    private void deliver(Runnable callback) {
        stops.uninterruptibly(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                FailureReporter.background(LOG, "AI turn listener (ending the model call)", e, null);
                stops.stopFromInside(ProviderError.Kind.INTERRUPTED, "the turn listener failed: " + e.getClass().getSimpleName());
            }
        });
        if (stoppedError() != null) {
            throw new Stopped();
        }
    }

    /** A failure of this attempt, unless the call was stopped from outside, which then explains it. */
    private Outcome failed(ProviderError.Kind kind, String detail, int status) {
        return failed(kind, detail, status, null);
    }

    private Outcome failed(ProviderError.Kind kind, String detail, int status, Usage usage) {
        ProviderError stopped = stoppedError();
        return new Outcome(stopped != null ? stopped : error(kind, detail, status), usage, null);
    }

    private ProviderError stoppedError() {
        CallStops.Stop stop = stops.stopped();
        return stop == null ? null : error(stop.kind(), stop.detail(), 0);
    }

    private ProviderError error(ProviderError.Kind kind, String detail, int status) {
        return new ProviderError(kind, detail, contentArrived, status, 1);
    }

    private record Outcome(ProviderError error, Usage usage, StopReason stopReason) {}

    /** Unwinds the decoder when the call was stopped during a listener callback. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
