//go:build tools

// Package tools pins the kind command in this module's go.sum.
package tools

import _ "sigs.k8s.io/kind"
