package dev.ballast;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

import dev.ballast.audit.AuditCommand;

/**
 * Ballast: keeps Kubernetes clusters steady. Run with {@code ./mvnw spring-boot:run} (embedded
 * PostgreSQL) or as {@code java -jar ballast.jar}; {@code java -jar ballast.jar audit ...} audits manifest
 * files without starting Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class BallastApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("audit")) {
			// the offline audit runs in plain Java: no Spring, database or web server
			System.exit(AuditCommand.run(Arrays.copyOfRange(args, 1, args.length), System.in, System.out, System.err));
		}
		SpringApplication.run(BallastApplication.class, args);
	}

}
