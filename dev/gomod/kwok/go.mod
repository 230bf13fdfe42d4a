// Wrapper module that builds kwok. `go install sigs.k8s.io/kwok/cmd/kwok@v0.7.0`
// refuses because kwok's go.mod has replace directives; building from a module
// that requires it gives the same binary.
module tandem.dev/dev/kwok

go 1.24.0

require sigs.k8s.io/kwok v0.7.0
