package dev.ballast.snapshot;

import java.util.List;
import java.util.Map;

/**
 * A ConfigMap: its keys only, except the network ConfigMaps whose data the CIDR page reads
 * (kube-proxy, kubeadm-config, flannel, Calico, Cilium, AWS VPC CNI, TKE's {@code tke-*}).
 *
 * @param namespace the namespace
 * @param name the name
 * @param keys keys of {@code data} and {@code binaryData}, sorted
 * @param data the data of a network ConfigMap, empty for every other
 */
public record ConfigMap(String namespace, String name, List<String> keys, Map<String, String> data) {
}
