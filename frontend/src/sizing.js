// The sizing pages' enhancements; each page works without them.

export function initSizing() {
}
