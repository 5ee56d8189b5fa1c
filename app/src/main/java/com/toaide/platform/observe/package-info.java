/** Observability: error reports to Sentry without personal data. Knows no feature. */
package com.toaide.platform.observe;
