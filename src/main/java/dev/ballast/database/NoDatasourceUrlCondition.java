package dev.ballast.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no datasource URL is configured (neither {@code spring.datasource.url} nor
 * {@code SPRING_DATASOURCE_URL}), which is when Ballast runs its own embedded PostgreSQL.
 */
class NoDatasourceUrlCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !context.getEnvironment().containsProperty("spring.datasource.url");
	}

}
