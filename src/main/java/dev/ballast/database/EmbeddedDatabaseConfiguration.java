package dev.ballast.database;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

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

	/** The pool; {@code spring.datasource.hikari.*} settings apply to it as to a configured one. */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("ballast-embedded");
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(EmbeddedPostgresServer.USER);
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

}
