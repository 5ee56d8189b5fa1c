/**
 * Sign-in and accounts: the landing and sign-in pages, magic links (MagicLinkService), the
 * session cookie and the guard that resolves the signed-in user, and the account page with its
 * export and deletion (AccountService). May use the platform; owns users, magic links and
 * sessions. Other features read a user's plan and weekly turns through
 * {@link com.toaide.auth.AccountService#account} and plug work to do before an account is
 * deleted in as an {@link com.toaide.auth.AccountCleanup}.
 */
package com.toaide.auth;
