-- Check configuration edited in the UI and the API (OPERATOR and up). A cluster is named by its
-- name; '*' means every cluster. Check ids are not foreign keys: the catalogue lives in code, and
-- rows naming a check that no longer exists are warned about and skipped.

-- The current severity or 'off' of a check, for every cluster or one, for the whole cluster
-- (namespace NULL) or one namespace. Removing a row returns the check to its default.
CREATE TABLE check_setting (
	id BIGSERIAL PRIMARY KEY,
	cluster VARCHAR(63) NOT NULL,
	namespace VARCHAR(63),
	check_id VARCHAR(63) NOT NULL,
	setting VARCHAR(10) NOT NULL,
	changed_by VARCHAR(100) NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	reason VARCHAR(500) NOT NULL,
	CONSTRAINT check_setting_setting_ck CHECK (setting IN ('danger', 'warning', 'info', 'off'))
);
CREATE UNIQUE INDEX check_setting_scope_uk ON check_setting (cluster, COALESCE(namespace, ''), check_id);

-- Every change of a setting, append-only: what it became ('default' when the row was removed),
-- what it was, who, when and why.
CREATE TABLE check_setting_history (
	id BIGSERIAL PRIMARY KEY,
	cluster VARCHAR(63) NOT NULL,
	namespace VARCHAR(63),
	check_id VARCHAR(63) NOT NULL,
	setting VARCHAR(10) NOT NULL,
	previous VARCHAR(10) NOT NULL,
	changed_by VARCHAR(100) NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	reason VARCHAR(500) NOT NULL
);
CREATE INDEX check_setting_history_changed_at_ix ON check_setting_history (changed_at DESC);

-- Exemptions: a check (or 'all') does not count for matching subjects until the expiry. Findings
-- stay visible, marked as exempted. Revoked rows are kept, with who revoked them and when.
CREATE TABLE check_exemption (
	id BIGSERIAL PRIMARY KEY,
	cluster VARCHAR(63) NOT NULL,
	namespace VARCHAR(63),
	kind VARCHAR(63),
	name VARCHAR(253),
	check_id VARCHAR(63) NOT NULL,
	reason VARCHAR(500) NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	until TIMESTAMP WITH TIME ZONE NOT NULL,
	revoked_by VARCHAR(100),
	revoked_at TIMESTAMP WITH TIME ZONE
);

-- Custom checks: a CEL expression over the object, tested on its sample object before saving.
CREATE TABLE custom_check (
	id VARCHAR(63) PRIMARY KEY,
	title VARCHAR(200) NOT NULL,
	category VARCHAR(20) NOT NULL,
	severity VARCHAR(10) NOT NULL,
	kinds VARCHAR(500) NOT NULL,
	expression TEXT NOT NULL,
	message VARCHAR(500),
	sample TEXT NOT NULL,
	enabled BOOLEAN NOT NULL,
	changed_by VARCHAR(100) NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT custom_check_id_ck CHECK (id ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'),
	CONSTRAINT custom_check_severity_ck CHECK (severity IN ('danger', 'warning', 'info'))
);
