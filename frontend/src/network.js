// The network pages' enhancements; each page works without them.

export function initNetwork() {
}
