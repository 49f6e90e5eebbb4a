package dev.ballast.scan.sizing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.ReserveModel;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.SizingReport.Shape;
import dev.ballast.sizing.WhatIf.NodeShape;

/**
 * The what-if's node shapes as typed in (up to {@value #COLUMNS} columns of repeated query
 * parameters, a blank column skipped), checked: each bad field gives a message code under
 * {@code <field><column>}.
 */
final class ShapeInput {

	static final int COLUMNS = 3;

	static final long GIB = 1024L * 1024 * 1024;

	/** Presets: cores and GiB, from tiny to giant. */
	static final List<String> PRESETS = List.of("1x2", "2x4", "2x8", "4x8", "4x16", "4x32", "8x16", "8x32", "8x64",
			"16x64", "16x128", "32x128", "64x256");

	/** What the form shows, one entry per column, as typed. */
	final Map<String, List<String>> values = new LinkedHashMap<>();

	/** Message codes by field ({@code cores0}, {@code memory1}, ...). */
	final Map<String, String> errors = new LinkedHashMap<>();

	/** The shapes to pack, one per filled column. */
	final List<NodeShape> shapes = new ArrayList<>();

	/** The share of one workload a node may hold, 0-1. */
	double maxShare = 0.5;

	static ShapeInput parse(Map<String, List<String>> params, Pool pool) {
		ShapeInput input = new ShapeInput();
		boolean given = params.containsKey("cores") || params.containsKey("preset");
		for (String field : List.of("preset", "cores", "memory", "maxPods", "gpus", "model", "price")) {
			List<String> typed = new ArrayList<>(params.getOrDefault(field, List.of()));
			while (typed.size() < COLUMNS) {
				typed.add("");
			}
			input.values.put(field, typed.subList(0, COLUMNS));
		}
		if (!given) {
			input.defaults(pool);
		}
		for (int column = 0; column < COLUMNS; column++) {
			input.column(column, pool);
		}
		String share = first(params.get("maxShare"));
		input.values.put("maxShare", List.of(share.isBlank() ? "50" : share));
		if (!share.isBlank()) {
			Double percent = number(share);
			if (percent == null || percent <= 0 || percent > 100) {
				input.errors.put("maxShare", "sizing.whatif.error.share");
			}
			else {
				input.maxShare = percent / 100;
			}
		}
		return input;
	}

	/** Without a query: the pool's commonest shape, half of it and twice it. */
	private void defaults(Pool pool) {
		Shape common = pool.shapes().stream().max((a, b) -> Integer.compare(a.count(), b.count())).orElse(null);
		if (common == null) {
			return;
		}
		long cores = Math.max(1, Math.round(common.capacity().cpuMillis() / 1000.0));
		long gib = Math.max(1, Math.round(common.capacity().memoryBytes() / (double) GIB));
		List<String> coresColumn = List.of(String.valueOf(cores), String.valueOf(Math.max(1, cores / 2)),
				String.valueOf(cores * 2));
		List<String> memoryColumn = List.of(String.valueOf(gib), String.valueOf(Math.max(1, gib / 2)),
				String.valueOf(gib * 2));
		String pods = String.valueOf(common.maxPods());
		String gpus = String.valueOf(common.capacity().gpus());
		this.values.put("cores", coresColumn);
		this.values.put("memory", memoryColumn);
		this.values.put("maxPods", List.of(pods, pods, pods));
		this.values.put("gpus", List.of(gpus, gpus, gpus));
		this.values.put("model", List.of(pool.model().name(), pool.model().name(), pool.model().name()));
	}

	private void column(int column, Pool pool) {
		String preset = this.values.get("preset").get(column);
		String cores = this.values.get("cores").get(column);
		String memory = this.values.get("memory").get(column);
		if (PRESETS.contains(preset)) {
			String[] parts = preset.split("x");
			cores = parts[0];
			memory = parts[1];
		}
		String maxPods = this.values.get("maxPods").get(column);
		String gpus = this.values.get("gpus").get(column);
		String model = this.values.get("model").get(column);
		String price = this.values.get("price").get(column);
		if (cores.isBlank() && memory.isBlank()) {
			return;
		}
		Double coreCount = number(cores);
		Double gib = number(memory);
		Double pods = maxPods.isBlank() ? Double.valueOf(110) : number(maxPods);
		Double gpuCount = gpus.isBlank() ? Double.valueOf(0) : number(gpus);
		Double cost = price.isBlank() ? null : number(price);
		ReserveModel reserve = model(model, pool.model());
		int before = this.errors.size();
		check(coreCount == null || coreCount < 0.5 || coreCount > 1024, "cores" + column, "sizing.whatif.error.cores");
		check(gib == null || gib < 0.5 || gib > 16384, "memory" + column, "sizing.whatif.error.memory");
		check(pods == null || pods < 1 || pods > 1000 || pods % 1 != 0, "maxPods" + column,
				"sizing.whatif.error.pods");
		check(gpuCount == null || gpuCount < 0 || gpuCount > 64 || gpuCount % 1 != 0, "gpus" + column,
				"sizing.whatif.error.gpus");
		check(!price.isBlank() && (cost == null || cost < 0), "price" + column, "sizing.whatif.error.price");
		check(reserve == null, "model" + column, "sizing.whatif.error.model");
		if (this.errors.size() == before) {
			this.shapes.add(new NodeShape(Math.round(coreCount * 1000), Math.round(gib * GIB), pods.intValue(),
					gpuCount.intValue(), reserve, cost));
		}
	}

	private void check(boolean bad, String field, String code) {
		if (bad) {
			this.errors.put(field, code);
		}
	}

	private static @Nullable ReserveModel model(String typed, ReserveModel fallback) {
		if (typed.isBlank()) {
			return fallback;
		}
		try {
			return ReserveModel.valueOf(typed.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Double number(String typed) {
		try {
			double value = Double.parseDouble(typed.trim());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String first(@Nullable List<String> values) {
		return (values == null || values.isEmpty()) ? "" : values.get(0);
	}

}
