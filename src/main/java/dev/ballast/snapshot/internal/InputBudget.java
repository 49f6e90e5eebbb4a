package dev.ballast.snapshot.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The total number of bytes one read may consume, over every file and archive entry
 * (decompressed), so an oversized input or a zip bomb is refused after the limit, not after it
 * has been read.
 */
public final class InputBudget {

	private final long limit;

	private long used;

	public InputBudget(long limit) {
		this.limit = limit;
	}

	public long used() {
		return this.used;
	}

	/**
	 * Wraps a stream so that its bytes count against the budget.
	 * @param in the stream
	 * @return a stream that throws {@link Exceeded} past the limit
	 */
	public InputStream track(InputStream in) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = super.read(buffer, offset, (int) Math.min(length, remaining() + 1));
				if (read > 0) {
					count(read);
				}
				return read;
			}

		};
	}

	private long remaining() {
		return Math.max(0, this.limit - this.used);
	}

	private void count(long bytes) throws Exceeded {
		this.used += bytes;
		if (this.used > this.limit) {
			throw new Exceeded(this.limit);
		}
	}

	/** The input is larger than the total size limit; reading stops. */
	public static final class Exceeded extends IOException {

		private final long limit;

		Exceeded(long limit) {
			super("the input exceeds the total size limit of " + Sizes.text(limit));
			this.limit = limit;
		}

		public long limit() {
			return this.limit;
		}

	}

}
