package com.toaide.aides;

import com.toaide.auth.SessionService;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.observe.FailureReporter;
import com.toaide.render.Renderer;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open live channels of this instance. Change notices arrive from Postgres (every
 * instance's changes, this one's included), are rendered once per aide and sent to each of
 * its open tabs.
 */
public final class LiveHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    /** Open live channels per user (capped: docs/security.md). */
    static final int MAX_PER_USER = 5;

    /** {@code sessionId}: the sign-in the socket was opened with; the socket closes when it ends. */
    record Tab(WsContext socket, UUID userId, UUID aideId, UUID sessionId) {}
    /** Close code of a socket whose session ended (signed out, or the account deleted). */
    static final int SIGNED_OUT = 4401;
    /** WebSocket's own "going away" (RFC 6455): the server is stopping. */
    static final int GOING_AWAY = 1001;

    private final EditService edits;
    private final LiveFrames frames;
    private final EditorPhotos photos;
    private final Map<UUID, Set<Tab>> tabsByAide = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> openPerUser = new ConcurrentHashMap<>();
    // One thread: frames for one aide go out in the order the changes happened.
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "live-frames");
        thread.setDaemon(true);
        return thread;
    });

    public LiveHub(EditService edits, Renderer renderer, EditorPhotos photos) {
        this.edits = edits;
        this.frames = new LiveFrames(renderer);
        this.photos = photos;
    }

    /** Registers a tab and sends it the whole page; refused past five tabs per user. */
    void open(Tab tab) {
        boolean[] admitted = {false};
        openPerUser.compute(tab.userId(), (user, count) -> {
            int open = count == null ? 0 : count;
            if (open >= MAX_PER_USER) {
                return open;
            }
            admitted[0] = true;
            return open + 1;
        });
        if (!admitted[0]) {
            throw new Failure.Limited("At most " + MAX_PER_USER + " open editor tabs. Close one to open another.");
        }
        tabsByAide.computeIfAbsent(tab.aideId(), id -> ConcurrentHashMap.newKeySet()).add(tab);
        sender.execute(() -> {
            var shown = photos.of(tab.userId(), tab.aideId());
            String page = edits.read(tab.userId(), tab.aideId(), (snapshot, version) -> frames.page(snapshot, version, shown));
            send(tab, List.of(page));
        });
    }

    void close(Tab tab) {
        var tabs = tabsByAide.get(tab.aideId());
        if (tabs != null && tabs.remove(tab)) {
            openPerUser.computeIfPresent(tab.userId(), (user, count) -> count <= 1 ? null : count - 1);
            tabsByAide.computeIfPresent(tab.aideId(), (id, set) -> set.isEmpty() ? null : set);
        }
    }

    /** True while any tab is open here: its owner must hear other instances' changes. */
    public boolean hasTabs() {
        return !tabsByAide.isEmpty();
    }

    /** A NOTIFY payload from any instance. */
    public void onNotice(String payload) {
        var frame = TurnFrames.parse(payload);
        if (frame.isPresent()) {
            if (tabsByAide.containsKey(frame.get().aideId())) {
                broadcast(frame.get().aideId(), frame.get().json());
            }
            return;
        }
        ChangeNotice.parse(payload).ifPresent(notice -> {
            if (tabsByAide.containsKey(notice.aideId())) {
                sender.execute(() -> push(notice));
            }
        });
    }

    /**
     * Sessions ended somewhere (SessionService): their sockets close at once, so a signed-out
     * browser or a deleted account gets no more changes. {@code ended} may ask the database.
     */
    public void closeEnded(Predicate<SessionService.Session> ended) {
        for (var tabs : tabsByAide.values()) {
            for (var tab : tabs) {
                try {
                    if (ended.test(new SessionService.Session(tab.sessionId(), tab.userId(), null))) {
                        tab.socket().closeSession(SIGNED_OUT, "You were signed out. Sign in again to keep editing.");
                    }
                } catch (RuntimeException e) {
                    // The database did not answer: the next revocation notice checks again.
                    log.warn("Could not check whether a live channel's session ended: {}", e.getMessage());
                }
            }
        }
    }

    /** After the notice stream was interrupted, every open tab gets the whole page again. */
    public void resync() {
        tabsByAide.keySet().forEach(aide -> sender.execute(() -> push(new ChangeNotice(aide, -1, Optional.empty()))));
    }

    /** Sends a frame that is not a page change (turn progress, chat rows) to an aide's tabs. */
    public void broadcast(UUID aideId, String frame) {
        sender.execute(() -> tabsOf(aideId).forEach(tab -> send(tab, List.of(frame))));
    }

    private void push(ChangeNotice notice) {
        var tabs = tabsOf(notice.aideId());
        if (tabs.isEmpty()) {
            return;
        }
        // Every tab on one aide belongs to its owner, whose access the read goes through.
        UUID owner = tabs.iterator().next().userId();
        try {
            var shown = photos.of(owner, notice.aideId());
            var out = edits.read(owner, notice.aideId(),
                    (snapshot, version) -> frames.change(snapshot, version, notice.changed(), shown));
            tabs.forEach(tab -> send(tab, out));
        } catch (Failure.NotFound gone) {
            tabs.forEach(tab -> tab.socket().closeSession(4404, "This page no longer exists."));
        } catch (RuntimeException e) {
            FailureReporter.background(log, "Live frames", e, owner);
        }
    }

    private Set<Tab> tabsOf(UUID aideId) {
        return tabsByAide.getOrDefault(aideId, Set.of());
    }

    private static void send(Tab tab, List<String> out) {
        // One sender thread: a socket never sees two frames at once.
        for (String frame : out) {
            if (tab.socket().session.isOpen()) {
                tab.socket().send(frame);
            }
        }
    }

    /** The server is stopping: every socket closes as "going away", and each editor reconnects by itself. */
    public void goingAway() {
        for (var tabs : tabsByAide.values()) {
            for (var tab : tabs) {
                try {
                    tab.socket().closeSession(GOING_AWAY, "AIde is restarting. This page reconnects by itself.");
                } catch (RuntimeException e) {
                    log.debug("A live channel was already closed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
