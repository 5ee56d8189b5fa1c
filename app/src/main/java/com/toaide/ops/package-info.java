/**
 * Operations: health and readiness, and later the scheduler, abuse checks, alerts and admin
 * break-glass. May use the platform and other features' services.
 */
package com.toaide.ops;
