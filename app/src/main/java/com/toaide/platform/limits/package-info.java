/**
 * Counting limits in Postgres, shared by every instance: {@link com.toaide.platform.limits.RateLimiter}
 * (each hit one statement: sign-in) and {@link com.toaide.platform.limits.BufferedRateLimiter}
 * (hits kept in memory and flushed once a second: the editor's per-request limits). Knows no
 * feature and nothing of HTTP; an exceeded limit is a domain failure (429).
 */
package com.toaide.platform.limits;
