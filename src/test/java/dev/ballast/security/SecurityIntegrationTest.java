package dev.ballast.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on its own embedded PostgreSQL, with MockMvc through the real filter
 * chains. Every test class of this module uses the same settings, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "ballast.security.admin-password=" + SecurityTestSupport.ADMIN_PASSWORD,
		"management.prometheus.metrics.export.enabled=true" })
@AutoConfigureMockMvc
@interface SecurityIntegrationTest {

}
