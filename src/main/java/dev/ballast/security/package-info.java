/**
 * Who may do what. People sign in with a form (username and password, rate-limited per username
 * and per client address) and get one role: {@link dev.ballast.security.Role#VIEWER} reads,
 * {@code OPERATOR} also acts (scans, exemptions), {@code ADMIN} also administers (clusters,
 * users, reports). Scripts send an API token as {@code Authorization: Bearer blst_…}: created by
 * a user, shown once, stored only as a SHA-256 hash, revocable, optionally expiring.
 * <p>
 * Every URL's minimum role is written in one place ({@code AccessRules}); an endpoint without a
 * rule is refused to everyone, and an address that leads nowhere is a 404 for signed-in users
 * only. The API ({@code /api/**}, {@code /actuator/**}) answers 401/403/429 as RFC 9457 problem
 * details and takes a browser session only with a CSRF token; pages (Swagger UI at
 * {@code /api/docs} among them) redirect to the sign-in page or show the error page. The first
 * start on an empty database creates the user {@code admin}. Sign-ins, sign-outs, user and token
 * changes are kept in an audit log.
 * <p>
 * Other modules use {@link dev.ballast.security.Role} and
 * {@link dev.ballast.security.SignedInUser} (the principal of every authenticated request); this
 * module depends on no other.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.ballast.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
