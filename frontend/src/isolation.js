// The isolation pages' enhancements; each page works without them.

export function initIsolation() {
}
