package dev.ballast.scan.sizing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.SizingReport.Shape;

/**
 * A pool as the page shows it: cores and GiB, shares of allocatable in percent, the reserve
 * observed beside the model's, and the reading of its requests mix. Percentages are {@code null}
 * where nothing is known (no usage, unbounded limits, nothing allocatable).
 *
 * @param pool the stored pool
 * @param shapes its shapes
 * @param requestCpu requested CPU as % of allocatable
 * @param requestMemory requested memory as % of allocatable
 * @param limitCpu CPU limits (of the pods that set them) as % of allocatable
 * @param limitMemory memory limits (of the pods that set them) as % of allocatable
 * @param usageCpu CPU used as % of allocatable, {@code null} without metrics for every node
 * @param usageMemory memory used as % of allocatable, {@code null} without metrics for every node
 * @param mix requested GiB per requested core, {@code null} when no CPU is requested
 * @param mixClass {@code compute}, {@code balanced}, {@code memory} or {@code none}
 * @param nodeRatio GiB per core of the pool's machines
 * @param nodeClass the class of that ratio
 * @param suggestion the shape whose ratio fits the mix, e.g. {@code 4 × 32}
 */
record PoolView(Pool pool, List<ShapeView> shapes, @Nullable Double requestCpu, @Nullable Double requestMemory,
		@Nullable Double limitCpu, @Nullable Double limitMemory, @Nullable Double usageCpu,
		@Nullable Double usageMemory, @Nullable Double mix, String mixClass, double nodeRatio, String nodeClass,
		String suggestion) {

	static final double GIB = 1024.0 * 1024 * 1024;

	static PoolView of(Pool pool) {
		List<ShapeView> shapes = new ArrayList<>();
		for (Shape shape : pool.shapes()) {
			shapes.add(ShapeView.of(shape));
		}
		Amounts allocatable = pool.allocatable();
		Amounts requests = pool.requests();
		Amounts limits = pool.limits();
		Amounts usage = (pool.usage() != null && pool.usageNodes() == pool.nodes()) ? pool.usage() : null;
		Double mix = (requests.cpuMillis() > 0) ? (requests.memoryBytes() / GIB) / (requests.cpuMillis() / 1000.0)
				: null;
		double nodeRatio = (pool.capacity().cpuMillis() > 0)
				? (pool.capacity().memoryBytes() / GIB) / (pool.capacity().cpuMillis() / 1000.0) : 0;
		String mixClass = (mix != null) ? ratioClass(mix) : "none";
		return new PoolView(pool, shapes, percent(requests.cpuMillis(), allocatable.cpuMillis()),
				percent(requests.memoryBytes(), allocatable.memoryBytes()),
				percent(limits.cpuMillis(), allocatable.cpuMillis()),
				percent(limits.memoryBytes(), allocatable.memoryBytes()),
				(usage != null) ? percent(usage.cpuMillis(), allocatable.cpuMillis()) : null,
				(usage != null) ? percent(usage.memoryBytes(), allocatable.memoryBytes()) : null, mix, mixClass,
				nodeRatio, ratioClass(nodeRatio), suggestion(mixClass));
	}

	/** Below 3 GiB per core compute-heavy, above 6 memory-heavy, between balanced. */
	static String ratioClass(double gibPerCore) {
		if (gibPerCore < 3) {
			return "compute";
		}
		return (gibPerCore > 6) ? "memory" : "balanced";
	}

	private static String suggestion(String mixClass) {
		return switch (mixClass) {
			case "compute" -> "4 × 8";
			case "memory" -> "4 × 32";
			default -> "4 × 16";
		};
	}

	static @Nullable Double percent(long part, long whole) {
		return (part < 0 || whole <= 0) ? null : 100.0 * part / whole;
	}

	static double cores(long millis) {
		return millis / 1000.0;
	}

	static double gib(long bytes) {
		return bytes / GIB;
	}

	/**
	 * One shape: what its nodes keep back, observed and predicted.
	 *
	 * @param shape the stored shape
	 * @param cores cores
	 * @param gib GiB
	 * @param reservedCpu observed CPU kept back, millicores
	 * @param reservedCpuShare that as % of capacity
	 * @param predictedCpuShare the model's CPU as % of capacity
	 * @param reservedMemoryMib observed memory kept back, MiB
	 * @param reservedMemoryShare that as % of capacity
	 * @param predictedMemoryMib the model's memory, MiB
	 * @param predictedMemoryShare that as % of capacity
	 * @param tiny at most 1 core or 2 GiB
	 */
	record ShapeView(Shape shape, double cores, double gib, long reservedCpu, double reservedCpuShare,
			double predictedCpuShare, long reservedMemoryMib, double reservedMemoryShare, long predictedMemoryMib,
			double predictedMemoryShare, boolean tiny) {

		static ShapeView of(Shape shape) {
			Amounts capacity = shape.capacity();
			long cpu = capacity.cpuMillis() - shape.allocatable().cpuMillis();
			long memory = capacity.memoryBytes() - shape.allocatable().memoryBytes();
			return new ShapeView(shape, PoolView.cores(capacity.cpuMillis()), PoolView.gib(capacity.memoryBytes()), cpu,
					share(cpu, capacity.cpuMillis()), share(shape.predictedReserve().cpuMillis(), capacity.cpuMillis()),
					memory / (1024 * 1024), share(memory, capacity.memoryBytes()),
					shape.predictedReserve().memoryBytes() / (1024 * 1024),
					share(shape.predictedReserve().memoryBytes(), capacity.memoryBytes()),
					capacity.cpuMillis() <= 1000 || capacity.memoryBytes() <= 2 * GIB);
		}

		private static double share(long part, long whole) {
			return (whole > 0) ? 100.0 * part / whole : 0;
		}

	}

}
