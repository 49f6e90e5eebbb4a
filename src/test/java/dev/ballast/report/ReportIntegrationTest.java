package dev.ballast.report;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on its own embedded PostgreSQL with the report test clock and renderer;
 * the application's own look for due reports is an hour away, so tests look themselves. Every
 * report test class uses these settings, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "ballast.cluster.credentials-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
		"ballast.report.poll-interval=1h", "ballast.demo=true", "ballast.scan.scheduled=false",
		"ballast.report.connect-timeout=2s", "ballast.report.read-timeout=2s" })
@AutoConfigureMockMvc
@Import(ReportTestConfiguration.class)
@interface ReportIntegrationTest {

}
