package dev.ballast.snapshot;

/**
 * A reference to a controller in the same namespace as the object that names it, such as a
 * pod's owning Deployment.
 *
 * @param kind the controller's kind, e.g. {@code Deployment}
 * @param name the controller's name
 */
public record WorkloadRef(String kind, String name) {

	@Override
	public String toString() {
		return this.kind + "/" + this.name;
	}

}
