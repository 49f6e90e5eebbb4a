package dev.ballast.testcluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link ControlPlane} per JVM, started lazily by the first test class that
 * needs it and stopped (stop.sh) when the root extension store closes, or by a shutdown hook
 * if the JVM ends first. Use it through {@link ControlPlaneTest}.
 */
public final class ControlPlaneExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ControlPlaneExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		controlPlane(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == ControlPlane.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return controlPlane(context);
	}

	/** The shared control plane, started on first use. */
	public static ControlPlane controlPlane(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(ControlPlane.class, (key) -> ControlPlane.start(), ControlPlane.class);
	}

}
