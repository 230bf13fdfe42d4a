# The Kubernetes control plane as plain processes: etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler, and kwok for simulated nodes.
# Sourced by dev/platform.
# shellcheck shell=bash

PKI_DIR=$TANDEM_STATE_DIR/pki
KUBECONFIG_FILE=$TANDEM_STATE_DIR/kubeconfig
APISERVER_URL=https://127.0.0.1:$TANDEM_APISERVER_PORT

# Keys, certificates and static tokens, made once per state directory.
ensure_pki() {
  [ -f "$PKI_DIR/tokens.csv" ] && return 0
  require_command openssl "install the Debian package 'openssl'"
  mkdir -p "$PKI_DIR"
  local log=$LOG_DIR/pki.log
  (
    set -e
    cd "$PKI_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=tandem-local-ca" \
      -keyout ca.key -out ca.crt
    openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout apiserver.key -out apiserver.csr
    printf 'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile apiserver.ext -out apiserver.crt
    openssl genrsa -out service-account.key 2048
    openssl rsa -in service-account.key -pubout -out service-account.pub
    # token,user,uid,"groups": the identities the RBAC bootstrap policy already knows.
    {
      echo "$(openssl rand -hex 16),admin,admin,\"system:masters\""
      echo "$(openssl rand -hex 16),system:kube-controller-manager,kcm"
      echo "$(openssl rand -hex 16),system:kube-scheduler,scheduler"
      echo "$(openssl rand -hex 16),kwok,kwok,\"system:masters\""
    } >tokens.csv.tmp
    mv tokens.csv.tmp tokens.csv
  ) >"$log" 2>&1 || die "could not create keys and certificates (log: $log)"
}

token_of() {
  awk -F, -v user="$1" '$2 == user { print $1 }' "$PKI_DIR/tokens.csv"
}

write_kubeconfig() {
  local file=$1 user=$2
  cat >"$file.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: tandem-local
  cluster:
    server: $APISERVER_URL
    certificate-authority: $PKI_DIR/ca.crt
users:
- name: $user
  user:
    token: $(token_of "$user")
contexts:
- name: tandem-local
  context:
    cluster: tandem-local
    user: $user
current-context: tandem-local
EOF
  mv "$file.tmp" "$file"
}

kubectl_local() {
  "$K8S_BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE" "$@"
}

etcd_healthy() {
  http_ok "http://127.0.0.1:$TANDEM_ETCD_PORT/health"
}

apiserver_healthy() {
  curl -fs --max-time 2 --cacert "$PKI_DIR/ca.crt" -H "Authorization: Bearer $(token_of admin)" \
    "$APISERVER_URL/readyz" >/dev/null
}

controller_manager_healthy() {
  curl -fsk --max-time 2 "https://127.0.0.1:$TANDEM_CONTROLLER_MANAGER_PORT/healthz" >/dev/null
}

scheduler_healthy() {
  curl -fsk --max-time 2 "https://127.0.0.1:$TANDEM_SCHEDULER_PORT/healthz" >/dev/null
}

kwok_healthy() {
  http_ok "http://127.0.0.1:$TANDEM_KWOK_PORT/healthz"
}

start_etcd() {
  if etcd_healthy; then return 0; fi
  require_free_port etcd TANDEM_ETCD_PORT
  mkdir -p "$TANDEM_STATE_DIR/etcd"
  # --unsafe-no-fsync: a throwaway test cluster trades durability for speed.
  start_process etcd "$ETCD_BIN/etcd" \
    --name tandem --data-dir "$TANDEM_STATE_DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$TANDEM_ETCD_PORT" \
    --advertise-client-urls "http://127.0.0.1:$TANDEM_ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$TANDEM_ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$TANDEM_ETCD_PEER_PORT" \
    --initial-cluster "tandem=http://127.0.0.1:$TANDEM_ETCD_PEER_PORT" \
    --listen-metrics-urls "" --unsafe-no-fsync --quota-backend-bytes 4294967296
  wait_until etcd 60 etcd_healthy
}

start_apiserver() {
  if apiserver_healthy; then return 0; fi
  require_free_port kube-apiserver TANDEM_APISERVER_PORT
  # ExtendedResourceToleration gives pods that request nvidia.com/gpu the toleration for the
  # GPU node's taint, as on GKE/EKS GPU node pools.
  start_process kube-apiserver "$K8S_BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$TANDEM_ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$TANDEM_APISERVER_PORT" \
    --cert-dir "$PKI_DIR" --tls-cert-file "$PKI_DIR/apiserver.crt" --tls-private-key-file "$PKI_DIR/apiserver.key" \
    --client-ca-file "$PKI_DIR/ca.crt" --token-auth-file "$PKI_DIR/tokens.csv" \
    --authorization-mode RBAC \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$PKI_DIR/service-account.pub" \
    --service-account-signing-key-file "$PKI_DIR/service-account.key" \
    --service-cluster-ip-range 10.96.0.0/16 \
    --enable-admission-plugins ExtendedResourceToleration \
    --allow-privileged=true --profiling=false --v=1
  wait_until kube-apiserver 120 apiserver_healthy
}

start_controller_manager() {
  if controller_manager_healthy; then return 0; fi
  require_free_port kube-controller-manager TANDEM_CONTROLLER_MANAGER_PORT
  write_kubeconfig "$TANDEM_STATE_DIR/kube-controller-manager.kubeconfig" system:kube-controller-manager
  start_process kube-controller-manager "$K8S_BIN/kube-controller-manager" \
    --kubeconfig "$TANDEM_STATE_DIR/kube-controller-manager.kubeconfig" \
    --authentication-kubeconfig "$TANDEM_STATE_DIR/kube-controller-manager.kubeconfig" \
    --authorization-kubeconfig "$TANDEM_STATE_DIR/kube-controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$TANDEM_CONTROLLER_MANAGER_PORT" \
    --cert-dir "$TANDEM_STATE_DIR/kube-controller-manager" \
    --service-account-private-key-file "$PKI_DIR/service-account.key" --root-ca-file "$PKI_DIR/ca.crt" \
    --use-service-account-credentials=true --leader-elect=false \
    --service-cluster-ip-range 10.96.0.0/16 --v=1
  wait_until kube-controller-manager 60 controller_manager_healthy
}

start_scheduler() {
  if scheduler_healthy; then return 0; fi
  require_free_port kube-scheduler TANDEM_SCHEDULER_PORT
  write_kubeconfig "$TANDEM_STATE_DIR/kube-scheduler.kubeconfig" system:kube-scheduler
  start_process kube-scheduler "$K8S_BIN/kube-scheduler" \
    --kubeconfig "$TANDEM_STATE_DIR/kube-scheduler.kubeconfig" \
    --authentication-kubeconfig "$TANDEM_STATE_DIR/kube-scheduler.kubeconfig" \
    --authorization-kubeconfig "$TANDEM_STATE_DIR/kube-scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$TANDEM_SCHEDULER_PORT" \
    --cert-dir "$TANDEM_STATE_DIR/kube-scheduler" --leader-elect=false --v=1
  wait_until kube-scheduler 60 scheduler_healthy
}

start_kwok() {
  if kwok_healthy; then return 0; fi
  require_free_port kwok TANDEM_KWOK_PORT
  write_kubeconfig "$TANDEM_STATE_DIR/kwok.kubeconfig" kwok
  # kwok manages only the nodes that carry its annotation, so a real node agent can share the cluster.
  start_process kwok "$KWOK_BIN/kwok" \
    --kubeconfig "$TANDEM_STATE_DIR/kwok.kubeconfig" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --node-lease-duration-seconds 40 \
    --server-address "127.0.0.1:$TANDEM_KWOK_PORT" \
    --cidr 10.244.0.1/16 --node-ip 10.0.0.1
  wait_until kwok 60 kwok_healthy
}

# The simulated nodes: two CPU nodes and one GPU node with four NVIDIA GPUs.
apply_simulated_nodes() {
  local dev_dir log=$LOG_DIR/nodes.log
  dev_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  kubectl_local apply -f "$dev_dir/kubernetes/simulated-nodes.yaml" >"$log" 2>&1 ||
    die "could not create the simulated nodes (log: $log)"
  kubectl_local wait --for=condition=Ready node -l tandem.dev/simulated=true --timeout=60s >>"$log" 2>&1 ||
    die "the simulated nodes did not become Ready (log: $log; kwok log: $LOG_DIR/kwok.log)"
}

# The default ServiceAccount appears shortly after a namespace; pods can't be created before.
wait_default_service_account() {
  local deadline=$((SECONDS + 60))
  until kubectl_local -n default get serviceaccount default >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "no default ServiceAccount after 60s (log: $LOG_DIR/kube-controller-manager.log)"
    sleep 0.5
  done
}

kubernetes_install() {
  install_binaries
}

kubernetes_start() {
  ensure_pki
  write_kubeconfig "$KUBECONFIG_FILE" admin
  start_etcd
  start_apiserver
  start_controller_manager
  start_scheduler
  start_kwok
  apply_simulated_nodes
  wait_default_service_account
}

kubernetes_down() {
  local name
  for name in kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
    stop_process "$name"
  done
}

kubernetes_status() {
  report_status etcd etcd_healthy "http://127.0.0.1:$TANDEM_ETCD_PORT"
  report_status kube-apiserver apiserver_healthy "$APISERVER_URL"
  report_status kube-controller-manager controller_manager_healthy "https://127.0.0.1:$TANDEM_CONTROLLER_MANAGER_PORT"
  report_status kube-scheduler scheduler_healthy "https://127.0.0.1:$TANDEM_SCHEDULER_PORT"
  report_status kwok kwok_healthy "http://127.0.0.1:$TANDEM_KWOK_PORT"
}
