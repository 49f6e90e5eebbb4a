-- People who sign in to Ballast. One role each: VIEWER < OPERATOR < ADMIN.
CREATE TABLE app_user (
	id BIGSERIAL PRIMARY KEY,
	username VARCHAR(100) NOT NULL,
	password_hash VARCHAR(200) NOT NULL,
	role VARCHAR(20) NOT NULL,
	enabled BOOLEAN NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT app_user_role_ck CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN'))
);
-- Usernames are unique regardless of case: 'Admin' and 'admin' are the same person.
CREATE UNIQUE INDEX app_user_username_uk ON app_user (lower(username));

-- API tokens for scripts. Only the SHA-256 of a token is kept; the token is shown once.
CREATE TABLE api_token (
	id BIGSERIAL PRIMARY KEY,
	user_id BIGINT NOT NULL,
	name VARCHAR(100) NOT NULL,
	token_hash VARCHAR(64) NOT NULL,
	hint VARCHAR(20) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE,
	last_used_at TIMESTAMP WITH TIME ZONE,
	revoked_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT api_token_hash_uk UNIQUE (token_hash),
	CONSTRAINT api_token_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX api_token_user_ix ON api_token (user_id);

-- Who did what, when, from where: sign-ins, sign-outs, user and token changes. Newest first.
CREATE TABLE audit_event (
	id BIGSERIAL PRIMARY KEY,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	actor VARCHAR(100) NOT NULL,
	action VARCHAR(40) NOT NULL,
	target VARCHAR(200),
	detail VARCHAR(200),
	client_address VARCHAR(64)
);
CREATE INDEX audit_event_newest_ix ON audit_event (occurred_at DESC, id DESC);
