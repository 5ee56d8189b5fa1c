/**
 * Sign-in and sessions: the landing and sign-in pages, magic links, the session cookie and the
 * guard that resolves the signed-in user. May use the platform; owns the users' sessions.
 */
package com.toaide.auth;
