package dev.ballast.report;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The report module's clock; tests replace it to control when reports are due.
 */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	@Bean
	Clock reportClock() {
		return Clock.systemUTC();
	}

}
