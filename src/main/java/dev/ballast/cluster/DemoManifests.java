package dev.ballast.cluster;

/**
 * Where the manifest files bundled for the demo cluster are. What they hold is shown from the
 * snapshot of the demo cluster's latest scan, like any other cluster's.
 */
final class DemoManifests {

	static final String LOCATION = "classpath:demo/";

	private DemoManifests() {
	}

}
