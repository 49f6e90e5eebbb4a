package dev.ballast.testcluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test on a real Kubernetes 1.20 control plane, shared by all such tests of the JVM: declare a
 * {@link ControlPlane} parameter (test method, constructor or {@code @BeforeAll}) and load a
 * scenario with {@link ControlPlane#scenario(String)}. Tagged {@code cluster}. Fails (never
 * skips) when {@code src/test/cluster/prepare.sh} has not built the binaries.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("cluster")
@ExtendWith(ControlPlaneExtension.class)
public @interface ControlPlaneTest {

}
