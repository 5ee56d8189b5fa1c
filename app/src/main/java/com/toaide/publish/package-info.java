/**
 * Publishing: slugs, publish/unpublish/restore, the published versions and their Atom feed,
 * "keep the published page up to date", the orphan sweep, and (embedded default only) serving
 * {@code /s/...} from the published bucket. May use the platform, the kernel, the renderer and
 * other features' services ({@code EditService}, {@code AideService}, {@code BillingService}).
 */
package com.toaide.publish;
