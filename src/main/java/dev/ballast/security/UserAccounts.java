package dev.ballast.security;

import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of users: create, change role, disable and enable, reset password. Every change
 * is audited; a change that takes rights away (role, status, password) ends the user's sessions,
 * so it applies at once rather than when the session expires.
 */
@Service
class UserAccounts {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	UserAccounts(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog audit,
			ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	List<UserAccount> all() {
		return this.users.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	UserAccount get(long id) {
		return this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
	}

	/**
	 * Creates an enabled user. The password must satisfy {@link PasswordPolicy}.
	 * @throws UserChangeRefusedException if the username is taken, in any case
	 */
	@Transactional
	UserAccount create(String username, Role role, String password, Actor by) {
		if (this.users.findByUsername(username).isPresent()) {
			throw UserChangeRefusedException.usernameTaken();
		}
		UserAccount user;
		try {
			user = this.users.save(new UserAccount(username, this.passwordEncoder.encode(password), role, by.name(),
					Instant.now()));
		}
		catch (DataIntegrityViolationException ex) {
			// created by someone else between the check and the insert
			throw UserChangeRefusedException.usernameTaken();
		}
		this.audit.record(AuditAction.USER_CREATED, by, username, role.name());
		return user;
	}

	@Transactional
	void changeRole(long id, Role role, Actor by) {
		UserAccount user = notSelf(get(id), by);
		if (user.getRole() == role) {
			return;
		}
		String change = user.getRole() + " → " + role;
		user.changeRole(role);
		this.audit.record(AuditAction.USER_ROLE_CHANGED, by, user.getUsername(), change);
		endSessions(user);
	}

	@Transactional
	void setEnabled(long id, boolean enabled, Actor by) {
		UserAccount user = notSelf(get(id), by);
		if (user.isEnabled() == enabled) {
			return;
		}
		user.setEnabled(enabled);
		this.audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, by, user.getUsername(),
				null);
		if (!enabled) {
			endSessions(user);
		}
	}

	/**
	 * A user changes their own password, proving they know the current one.
	 * @return false when the current password is wrong (nothing changes)
	 */
	@Transactional
	boolean changeOwnPassword(long id, String current, String password, Actor by) {
		UserAccount user = get(id);
		if (!matches(current, user.getPasswordHash())) {
			return false;
		}
		user.changePassword(this.passwordEncoder.encode(password), Instant.now());
		this.audit.record(AuditAction.PASSWORD_CHANGED, by, user.getUsername(), null);
		return true;
	}

	private boolean matches(String password, String hash) {
		try {
			return this.passwordEncoder.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			return false; // longer than bcrypt accepts: cannot be the current password
		}
	}

	/**
	 * Sets a new password. Other people's sessions end; an administrator resetting their own
	 * password stays signed in.
	 */
	@Transactional
	void resetPassword(long id, String password, Actor by) {
		UserAccount user = get(id);
		user.changePassword(this.passwordEncoder.encode(password), Instant.now());
		this.audit.record(AuditAction.USER_PASSWORD_RESET, by, user.getUsername(), null);
		if (!isSelf(user, by)) {
			endSessions(user);
		}
	}

	private static UserAccount notSelf(UserAccount user, Actor by) {
		if (isSelf(user, by)) {
			throw UserChangeRefusedException.ownAccount();
		}
		return user;
	}

	private static boolean isSelf(UserAccount user, Actor by) {
		return user.getUsername().equals(by.name());
	}

	private void endSessions(UserAccount user) {
		this.sessions.ifAvailable((repository) -> repository.findByPrincipalName(user.getUsername())
			.keySet()
			.forEach(repository::deleteById));
	}

}
