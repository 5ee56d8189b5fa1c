/**
 * Operations: health and readiness, the scheduler and its jobs (abuse check, cleanup), Slack
 * alerts, limited users, and admin break-glass with its append-only audit log. May use the
 * platform, kernel and render, and other features' services; other features register their
 * background jobs with {@link com.toaide.ops.Scheduler} in App.
 */
package com.toaide.ops;
