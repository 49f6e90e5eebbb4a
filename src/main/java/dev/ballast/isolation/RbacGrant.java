package dev.ballast.isolation;

/**
 * What one binding grants one subject.
 *
 * @param binding {@code ClusterRoleBinding/name} or {@code RoleBinding/namespace/name}
 * @param role the key of the role in {@link RbacReport#roles()} ({@code ClusterRole/name} or
 * {@code Role/namespace/name})
 * @param scope where it applies: {@code ""} everywhere (a ClusterRoleBinding), else the binding's
 * namespace
 * @param roleMissing the role the binding names does not exist (it grants nothing)
 */
public record RbacGrant(String binding, String role, String scope, boolean roleMissing) {
}
