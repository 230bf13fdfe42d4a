// Wrapper module that builds etcd from go.etcd.io/etcd/server/v3. The published
// server module refers to its sibling modules by relative path; the replace block
// pins each to the matching published version.
module tandem.dev/dev/etcd

go 1.23.0

require go.etcd.io/etcd/server/v3 v3.5.21

replace (
	go.etcd.io/etcd/api/v3 => go.etcd.io/etcd/api/v3 v3.5.21
	go.etcd.io/etcd/client/pkg/v3 => go.etcd.io/etcd/client/pkg/v3 v3.5.21
	go.etcd.io/etcd/client/v2 => go.etcd.io/etcd/client/v2 v2.305.21
	go.etcd.io/etcd/client/v3 => go.etcd.io/etcd/client/v3 v3.5.21
	go.etcd.io/etcd/pkg/v3 => go.etcd.io/etcd/pkg/v3 v3.5.21
	go.etcd.io/etcd/raft/v3 => go.etcd.io/etcd/raft/v3 v3.5.21
)
