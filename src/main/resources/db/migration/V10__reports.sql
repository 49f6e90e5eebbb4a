-- E-mail reports: one row of SMTP settings, report subscriptions and the log of every delivery.

-- The SMTP server reports go through; a single row (id = 1). The password is encrypted with the
-- cluster credentials key (AES-GCM), never stored in clear.
CREATE TABLE smtp_settings (
	id SMALLINT PRIMARY KEY,
	host VARCHAR(255) NOT NULL,
	port INTEGER NOT NULL,
	security VARCHAR(10) NOT NULL,
	username VARCHAR(255),
	password_encrypted TEXT,
	from_address VARCHAR(320) NOT NULL,
	updated_by VARCHAR(100) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT smtp_settings_single_ck CHECK (id = 1),
	CONSTRAINT smtp_settings_port_ck CHECK (port BETWEEN 1 AND 65535),
	CONSTRAINT smtp_settings_security_ck CHECK (security IN ('NONE', 'STARTTLS', 'TLS'))
);

-- Who gets which report, when. Lists are newline-separated; an empty cluster list means every cluster.
CREATE TABLE report_subscription (
	id BIGSERIAL PRIMARY KEY,
	name VARCHAR(200) NOT NULL,
	recipients TEXT NOT NULL,
	clusters TEXT NOT NULL,
	cron VARCHAR(120) NOT NULL,
	zone VARCHAR(64) NOT NULL,
	language VARCHAR(10) NOT NULL,
	sections VARCHAR(200) NOT NULL,
	only_when_changed BOOLEAN NOT NULL,
	attach_pdf BOOLEAN NOT NULL,
	enabled BOOLEAN NOT NULL,
	next_run_at TIMESTAMP WITH TIME ZONE,
	last_sent_at TIMESTAMP WITH TIME ZONE,
	created_by VARCHAR(100) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_by VARCHAR(100) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX report_subscription_due_ix ON report_subscription (next_run_at) WHERE enabled;

-- Every report sent, skipped or failed, and every test mail. Kept when its subscription is removed.
CREATE TABLE report_delivery (
	id BIGSERIAL PRIMARY KEY,
	subscription_id BIGINT REFERENCES report_subscription (id) ON DELETE SET NULL,
	subscription_name VARCHAR(200),
	trigger VARCHAR(10) NOT NULL,
	state VARCHAR(10) NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at TIMESTAMP WITH TIME ZONE,
	recipients TEXT NOT NULL,
	subject VARCHAR(500),
	error_reason VARCHAR(2000),
	requested_by VARCHAR(100) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT report_delivery_trigger_ck CHECK (trigger IN ('SCHEDULE', 'MANUAL', 'TEST')),
	CONSTRAINT report_delivery_state_ck CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED'))
);

CREATE INDEX report_delivery_created_ix ON report_delivery (created_at DESC);
CREATE INDEX report_delivery_retry_ix ON report_delivery (next_attempt_at) WHERE state = 'FAILED';
