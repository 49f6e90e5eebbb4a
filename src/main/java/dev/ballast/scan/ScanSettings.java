package dev.ballast.scan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Scan settings ({@code ballast.scan.*}); a cluster's own schedule and retention, set on its page
 * or through the API, take precedence.
 *
 * @param cron default schedule of a cluster, a Spring cron expression (second minute hour day
 * month weekday); hourly by default
 * @param findingsRetention how long the failing findings of a scan are kept; rollups (counts and
 * scores) are kept forever
 * @param parallelism how many clusters are scanned at the same time
 * @param heartbeat how often a running scan writes its progress
 * @param staleAfter a running scan whose progress was not written for this long is marked failed
 * (its replica stopped or lost the database)
 * @param scheduleInterval how often due schedules are looked for
 * @param retentionCron when the retention job runs
 * @param scheduled whether clusters are scanned on their schedules (off: only on request)
 * @param answerCacheEntries how many answers of the history API (findings, scores, trends) are kept
 * until the history changes, at most a minute; 0 computes every answer
 * @param staleAfterLanded a cluster whose last landed scan is older than this is shown as stale on
 * the dashboard (its numbers may no longer be true); a day and two hours by default, so a daily
 * schedule that runs a little late is not stale
 */
@ConfigurationProperties("ballast.scan")
@Validated
public record ScanSettings(@DefaultValue("0 0 * * * *") @NotBlank String cron,
		@DefaultValue("90d") Duration findingsRetention, @DefaultValue("2") @Min(1) @Max(32) int parallelism,
		@DefaultValue("3s") Duration heartbeat, @DefaultValue("60s") Duration staleAfter,
		@DefaultValue("30s") Duration scheduleInterval, @DefaultValue("0 17 3 * * *") String retentionCron,
		@DefaultValue("true") boolean scheduled, @DefaultValue("128") @Min(0) int answerCacheEntries,
		@DefaultValue("26h") Duration staleAfterLanded) {
}
