// The taints pages' enhancements; each page works without them.

export function initTaints() {
}
