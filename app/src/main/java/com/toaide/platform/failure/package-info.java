/**
 * The domain's expected failures ({@link com.toaide.platform.failure.Failure}): a small sealed
 * family that every feature's services throw instead of anything from HTTP. Imports nothing but
 * the JDK; platform/web's Errors maps each kind to a status code and a page or JSON, once.
 */
package com.toaide.platform.failure;
