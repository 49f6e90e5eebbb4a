/**
 * Scheduled e-mail reports: SMTP settings, report subscriptions (recipients, clusters, schedule,
 * language, content), rendering a report from the stored scans (HTML and plain text, inline
 * charts, an optional PDF) and sending it once per schedule, with retries and a delivery log.
 */
@ApplicationModule(allowedDependencies = { "scan", "cluster" })
@NullMarked
package dev.ballast.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
