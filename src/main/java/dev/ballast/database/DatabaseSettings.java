package dev.ballast.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is set.
 *
 * @param embedded where the embedded server keeps its data and how it starts
 */
@Validated
@ConfigurationProperties("ballast.database")
record DatabaseSettings(@Valid @DefaultValue Embedded embedded) {

	/**
	 * @param dataDirectory the PostgreSQL data directory (default {@code ~/.ballast/postgres});
	 * a lock file beside it keeps a second Ballast from using it at the same time
	 * @param port the loopback port to listen on; 0 picks a free one at every start
	 * @param startupTimeout how long to wait for the server to accept connections
	 * @param temporary delete the data directory when Ballast stops (tests, throw-away demos)
	 */
	record Embedded(@NotNull Path dataDirectory, @DefaultValue("0") @Min(0) @Max(65535) int port,
			@DefaultValue("60s") Duration startupTimeout, @DefaultValue("false") boolean temporary) {
	}

}
