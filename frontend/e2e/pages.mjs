// The pages the browser tests check (accessibility in light and dark, no sideways scrolling on a
// phone, no script errors or CSP refusals, screenshots). Add a page here when you build one.
//   name    screenshot file stem
//   path    {cluster}: the demo cluster; {scan}, {earlier}: its newest and second newest scan
//   role    who opens it (null: not signed in); admin sees every control
//   status  the expected HTTP status (default 200)
export const PAGES = [
  { name: 'login', path: '/login', role: null },
  { name: 'overview', path: '/', role: 'admin' },
  { name: 'clusters', path: '/clusters', role: 'admin' },
  { name: 'cluster', path: '/clusters/{cluster}', role: 'admin' },
  { name: 'cluster-register', path: '/clusters/new', role: 'admin' },
  { name: 'cluster-schedule', path: '/clusters/{cluster}/schedule', role: 'admin' },
  { name: 'cluster-year', path: '/clusters/{cluster}?range=1y', role: 'admin' },
  { name: 'namespace', path: '/clusters/{cluster}/namespaces/shop', role: 'admin' },
  { name: 'workload', path: '/clusters/{cluster}/workloads/shop/Deployment/checkout', role: 'admin' },
  { name: 'findings-filtered', path: '/findings?cluster={cluster}&severity=danger&state=all', role: 'admin' },
  { name: 'scans', path: '/scans', role: 'admin' },
  { name: 'scan', path: '/scans/{scan}', role: 'admin' },
  { name: 'scan-diff', path: '/scans/{scan}/diff?base={earlier}', role: 'admin' },
  { name: 'findings', path: '/findings', role: 'admin' },
  { name: 'checks', path: '/checks', role: 'admin' },
  { name: 'check-settings', path: '/checks/settings', role: 'admin' },
  { name: 'exemptions', path: '/checks/exemptions', role: 'admin' },
  { name: 'custom-checks', path: '/checks/custom', role: 'admin' },
  { name: 'custom-check-new', path: '/checks/custom/new', role: 'admin' },
  { name: 'audit-manifests', path: '/audit', role: 'admin' },
  { name: 'settings', path: '/settings', role: 'admin' },
  { name: 'users', path: '/settings/users', role: 'admin' },
  { name: 'user-new', path: '/settings/users/new', role: 'admin' },
  { name: 'tokens', path: '/settings/tokens', role: 'admin' },
  { name: 'own-password', path: '/settings/password', role: 'admin' },
  { name: 'audit-log', path: '/settings/audit', role: 'admin' },
  { name: 'reports', path: '/reports', role: 'admin' },
  { name: 'report-new', path: '/reports/new', role: 'admin' },
  { name: 'report-deliveries', path: '/reports/deliveries', role: 'admin' },
  { name: 'report-smtp', path: '/reports/smtp', role: 'admin' },
  { name: 'sizing', path: '/clusters/{cluster}/sizing', role: 'admin' },
  { name: 'sizing-what-if', path: '/clusters/{cluster}/sizing?pool=legacy&preset=1x2&preset=4x16&preset=&cores=&cores=&cores=&memory=&memory=&memory=', role: 'admin' },
  { name: 'sizing-what-if-invalid', path: '/clusters/{cluster}/sizing?cores=zero&memory=-1', role: 'admin' },
  { name: 'cidr', path: '/clusters/{cluster}/cidr', role: 'admin' },
  { name: 'cidr-plan', path: '/clusters/{cluster}/cidr?nodes=60&podsPerNode=30&headroom=50', role: 'admin' },
  { name: 'taints', path: '/clusters/{cluster}/taints', role: 'admin' },
  { name: 'taints-filtered', path: '/clusters/{cluster}/taints?namespace=ml&effect=NoExecute', role: 'admin' },
  { name: 'taints-node', path: '/clusters/{cluster}/taints/nodes/gpu-2', role: 'admin' },
  { name: 'isolation', path: '/clusters/{cluster}/isolation?port=8443&groups=payments', role: 'admin' },
  { name: 'isolation-reach', path: '/clusters/{cluster}/isolation/reach?from=shop&to=payments&port=8443', role: 'admin' },
  { name: 'rbac', path: '/clusters/{cluster}/isolation/rbac', role: 'admin' },
  { name: 'rbac-who-can', path: '/clusters/{cluster}/isolation/rbac?verb=delete&resource=namespaces&name=shop', role: 'admin' },
  { name: 'rbac-subject', path: '/clusters/{cluster}/isolation/rbac?subject=ServiceAccount/shop/registry-puller&system=true', role: 'admin' },
  { name: 'not-found', path: '/clusters/{cluster}-nowhere', role: 'admin', status: 404 },
];

export const DEMO_CLUSTER = 'demo';

/** The landed scans of a cluster, newest first (read with the page's session from the API). */
export async function scanIds(page, cluster) {
  const response = await page.request.get(`/api/v1/scans?cluster=${encodeURIComponent(cluster)}`);
  if (!response.ok()) {
    throw new Error(`the scans of ${cluster}: ${response.status()} ${await response.text()}`);
  }
  const { items } = await response.json();
  return items.filter((s) => s.result).map((s) => s.id).sort((a, b) => b - a);
}

const known = new Map();

/** Fills a page's path in: {cluster}, {scan}, {earlier} (scan ids read once per cluster). */
export async function resolve(page, path, cluster = DEMO_CLUSTER) {
  let filled = path.replaceAll('{cluster}', cluster);
  if (filled.includes('{scan}') || filled.includes('{earlier}')) {
    if (!known.has(cluster)) {
      known.set(cluster, await scanIds(page, cluster));
    }
    const ids = known.get(cluster);
    if (ids.length < 2) {
      throw new Error(`${path} needs two landed scans of ${cluster}, found ${ids.length}`);
    }
    filled = filled.replaceAll('{scan}', ids[0]).replaceAll('{earlier}', ids[1]);
  }
  return filled;
}
