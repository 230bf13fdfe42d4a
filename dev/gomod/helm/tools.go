//go:build tools

// Package tools pins the helm command in this module's go.sum.
package tools

import _ "helm.sh/helm/v4/cmd/helm"
