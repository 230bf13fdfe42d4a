# Builds the Kubernetes control plane, etcd and kwok from their published Go
# modules into the cache, once. Sourced by dev/platform.
# shellcheck shell=bash

K8S_VERSION=v1.33.13
ETCD_VERSION=v3.5.21
KWOK_VERSION=v0.7.0
HELM_VERSION=v4.3.2

K8S_BIN=$TANDEM_CACHE_DIR/k8s/$K8S_VERSION
ETCD_BIN=$TANDEM_CACHE_DIR/etcd/$ETCD_VERSION
KWOK_BIN=$TANDEM_CACHE_DIR/kwok/$KWOK_VERSION
HELM_BIN=$TANDEM_CACHE_DIR/helm/$HELM_VERSION

# fabric8 kube-api-test looks for <dir>/k8s/<version>-<os>-<arch>/{kube-apiserver,etcd,kubectl}
# in offline mode; the same binaries are linked there so its tests need no download.
KUBE_API_TEST_DIR=$TANDEM_CACHE_DIR/kube-api-test

# go build of one or more main packages from a wrapper module, into a finished directory.
# Builds into a scratch directory first so an interrupted build is never taken for a done one.
go_build_into() {
  local module_dir=$1 out=$2 ldflags=$3
  shift 3
  local scratch=$out.partial
  local log=$LOG_DIR/build-$(basename "$(dirname "$out")").log
  rm -rf "$scratch"
  mkdir -p "$scratch" "$LOG_DIR"
  say "building $* (first time only, several minutes; log: $log)"
  (cd "$module_dir" && go build -mod=readonly -trimpath -ldflags "$ldflags" -o "$scratch/" "$@") >"$log" 2>&1 ||
    die "go build failed for $* (log: $log)"
  rm -rf "$out"
  mv "$scratch" "$out"
}

k8s_binaries_present() {
  local b
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [ -x "$K8S_BIN/$b" ] || return 1
  done
}

install_binaries() {
  require_command go "install Go 1.26 or newer (Debian: golang-go, or the Go toolchain)"
  local dev_dir
  dev_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

  if ! k8s_binaries_present; then
    local minor=${K8S_VERSION#v1.}
    minor=${minor%%.*}
    local v=k8s.io/component-base/version
    go_build_into "$dev_dir/gomod/k8s" "$K8S_BIN" \
      "-s -w -X $v.gitVersion=$K8S_VERSION -X $v.gitMajor=1 -X $v.gitMinor=$minor -X $v.gitTreeState=clean \
       -X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION -X k8s.io/client-go/pkg/version.gitMajor=1 \
       -X k8s.io/client-go/pkg/version.gitMinor=$minor" \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl
  fi
  if [ ! -x "$ETCD_BIN/etcd" ]; then
    go_build_into "$dev_dir/gomod/etcd" "$ETCD_BIN" "-s -w" go.etcd.io/etcd/server/v3
    mv "$ETCD_BIN/server" "$ETCD_BIN/etcd"
  fi
  if [ ! -x "$KWOK_BIN/kwok" ]; then
    go_build_into "$dev_dir/gomod/kwok" "$KWOK_BIN" "-s -w" \
      sigs.k8s.io/kwok/cmd/kwok
  fi
  if [ ! -x "$HELM_BIN/helm" ]; then
    go_build_into "$dev_dir/gomod/helm" "$HELM_BIN" "-s -w -X helm.sh/helm/v4/internal/version.version=$HELM_VERSION \
      -X helm.sh/helm/v4/internal/version.gitTreeState=clean" helm.sh/helm/v4/cmd/helm
  fi
  link_kube_api_test_layout
}

link_kube_api_test_layout() {
  local dir=$KUBE_API_TEST_DIR/k8s/${K8S_VERSION#v}-linux-amd64
  mkdir -p "$dir"
  ln -sf "$K8S_BIN/kube-apiserver" "$dir/kube-apiserver"
  ln -sf "$K8S_BIN/kubectl" "$dir/kubectl"
  ln -sf "$ETCD_BIN/etcd" "$dir/etcd"
}
