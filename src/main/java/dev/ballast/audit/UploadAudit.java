package dev.ballast.audit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import dev.ballast.checks.CheckConfiguration;
import dev.ballast.checks.CheckEngine;
import dev.ballast.checks.CheckReport;
import dev.ballast.checks.CheckSettings;
import dev.ballast.checks.Finding;
import dev.ballast.checks.Severity;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;

/**
 * The audit of uploaded manifests for the page and the API: the uploads are read best-effort (a
 * bad document is skipped and listed in the warnings) within {@link AuditSettings#maxUploadSize()},
 * then the checks run with the stored settings of a cluster, or the defaults. Nothing is kept.
 */
@Component
class UploadAudit {

	private static final String SKIPPED = "Skipped: ";

	private final CheckSettings settings;

	private final long maxBytes;

	UploadAudit(CheckSettings settings, AuditSettings audit) {
		this.settings = settings;
		this.maxBytes = audit.maxUploadSize().toBytes();
	}

	/**
	 * Audits uploads.
	 * @param uploads the uploads, in order
	 * @param cluster whose stored check settings apply, or {@code null} (blank) for the defaults
	 * @return what the checks found
	 * @throws AuditRefusedException if nothing was uploaded, the upload is too large or holds no
	 * readable object
	 * @throws dev.ballast.snapshot.ManifestException if the text, decompressed, passes the reader's
	 * total limit
	 */
	Outcome audit(List<ManifestReader.Source> uploads, @Nullable String cluster) {
		if (uploads.isEmpty()) {
			throw AuditRefusedException.empty();
		}
		Counted counted = new Counted();
		List<ManifestReader.Source> sources = uploads.stream()
			.map((upload) -> new ManifestReader.Source(upload.name(), () -> counted.track(upload.opener().open())))
			.toList();
		ManifestReader reader = new ManifestReader(ManifestReader.Settings.defaults().withBestEffort(true));
		ClusterSnapshot snapshot = reader.readStreams("upload", sources);
		if (counted.bytes == 0) {
			throw AuditRefusedException.empty();
		}
		int objects = AuditCommand.count(snapshot);
		if (objects == 0) {
			throw AuditRefusedException.nothingRead(snapshot.source()
				.warnings()
				.stream()
				.map((warning) -> warning.startsWith(SKIPPED) ? warning.substring(SKIPPED.length()) : warning)
				.toList());
		}
		boolean defaults = cluster == null || cluster.isBlank();
		CheckConfiguration configuration = defaults ? CheckConfiguration.defaults()
				: this.settings.configurationFor(cluster.strip());
		CheckReport report = CheckEngine.standard().run(snapshot, configuration);
		List<String> warnings = new ArrayList<>(snapshot.source().warnings());
		warnings.addAll(report.warnings());
		return new Outcome(report, objects, uploads.size(), snapshot.source().otherKinds(),
				snapshot.source().secretsDropped(), warnings, defaults ? null : cluster.strip());
	}

	/**
	 * The non-empty uploaded files as sources, each named by its file name without any folder
	 * (or its number).
	 * @param files the files, or {@code null}
	 * @return the sources
	 * @throws AuditRefusedException if they are larger than the limit together
	 */
	List<ManifestReader.Source> files(@Nullable List<MultipartFile> files) {
		List<ManifestReader.Source> sources = new ArrayList<>();
		if (files != null) {
			long total = 0;
			for (MultipartFile file : files) {
				total += file.getSize();
				if (total > this.maxBytes) {
					throw tooLarge();
				}
				if (!file.isEmpty()) {
					sources.add(new ManifestReader.Source(name(file.getOriginalFilename(), sources.size() + 1),
							file::getInputStream));
				}
			}
		}
		return sources;
	}

	/**
	 * Refuses a request body by its announced length: empty, or over the limit.
	 * @param length the {@code Content-Length}, {@code -1} if unknown
	 * @throws AuditRefusedException if the body is empty or too large
	 */
	void admit(long length) {
		if (length == 0) {
			throw AuditRefusedException.empty();
		}
		if (length > this.maxBytes) {
			throw tooLarge();
		}
	}

	private AuditRefusedException tooLarge() {
		return AuditRefusedException.tooLarge(DataSize.ofBytes(this.maxBytes).toMegabytes());
	}

	private static String name(@Nullable String original, int number) {
		if (original == null || original.isBlank()) {
			return "upload-" + number;
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

	/**
	 * What an audit of uploads found.
	 *
	 * @param report the engine's report
	 * @param objects how many Kubernetes objects were read
	 * @param files how many uploads they were read from (an archive counts once)
	 * @param otherKinds objects of kinds no check looks at, by kind
	 * @param secrets Secrets counted and dropped unread
	 * @param warnings documents skipped and other warnings, in English
	 * @param cluster whose settings applied, {@code null} for the defaults
	 */
	record Outcome(CheckReport report, int objects, int files, Map<String, Integer> otherKinds, int secrets,
			List<String> warnings, @Nullable String cluster) {

		/**
		 * Counted findings per severity ({@code danger}, {@code warning}, {@code info}), then the
		 * exempted ones ({@code exempted}).
		 * @return the counts, in that order
		 */
		Map<String, Integer> counts() {
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (Severity severity : Severity.values()) {
				counts.put(severity.key(), 0);
			}
			for (Finding finding : this.report.counted()) {
				counts.merge(finding.severity().key(), 1, Integer::sum);
			}
			counts.put("exempted", this.report.findings().size() - this.report.counted().size());
			return counts;
		}

	}

	/** Counts the bytes read from every upload, refusing more than the limit in all. */
	private final class Counted {

		private long bytes;

		InputStream track(InputStream in) {
			return new FilterInputStream(in) {

				@Override
				public int read() throws IOException {
					int read = super.read();
					count((read < 0) ? -1 : 1);
					return read;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int read = super.read(buffer, offset, length);
					count(read);
					return read;
				}

				@Override
				public long skip(long length) throws IOException {
					long skipped = super.skip(length);
					count(skipped);
					return skipped;
				}

			};
		}

		private void count(long read) {
			if (read > 0) {
				this.bytes += read;
				if (this.bytes > UploadAudit.this.maxBytes) {
					throw tooLarge();
				}
			}
		}

	}

}
