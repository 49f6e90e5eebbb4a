package dev.ballast.database;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts the embedded PostgreSQL and a connection pool on it when no datasource URL is
 * configured. Spring Boot's own datasource configuration backs off because a {@link DataSource}
 * bean exists; Flyway, JPA and the health check all use this one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(DatabaseSettings settings) {
		return EmbeddedPostgresServer.start(settings.embedded());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("ballast-embedded");
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(EmbeddedPostgresServer.USER);
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}

}
