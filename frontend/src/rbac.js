// The rbac pages' enhancements; each page works without them.

export function initRbac() {
}
