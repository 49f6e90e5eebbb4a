package dev.ballast.security;

/**
 * What an audit event records. The audit page names each with message
 * {@code security.audit.action.<NAME>}.
 */
enum AuditAction {

	LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, LOGOUT,

	USER_CREATED, USER_ROLE_CHANGED, USER_DISABLED, USER_ENABLED, USER_PASSWORD_RESET, PASSWORD_CHANGED,

	TOKEN_CREATED, TOKEN_REVOKED

}
