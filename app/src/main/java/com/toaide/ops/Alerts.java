package com.toaide.ops;

/**
 * Where operators are told about things that need a human (abuse, for now). Messages carry
 * user UUIDs only: never emails, message text or prop values.
 */
public interface Alerts {
    void send(String text);

    /** No webhook configured: alerts go to the log only. */
    static Alerts logOnly() {
        return text -> org.slf4j.LoggerFactory.getLogger(Alerts.class).warn("Alert (no SLACK_WEBHOOK): {}", text);
    }
}
