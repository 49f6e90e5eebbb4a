package dev.ballast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Ballast: keeps Kubernetes clusters steady. Run with {@code ./mvnw spring-boot:run} (embedded
 * PostgreSQL) or as {@code java -jar ballast.jar}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class BallastApplication {

	public static void main(String[] args) {
		SpringApplication.run(BallastApplication.class, args);
	}

}
