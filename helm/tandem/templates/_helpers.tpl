{{/* Names and labels of the chart's objects, in one place. */}}

{{- define "tandem.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: <release>-tandem, or the release's name when it already says tandem. */}}
{{- define "tandem.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "tandem.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "tandem.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tandem.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "tandem.labels" -}}
helm.sh/chart: {{ include "tandem.chart" . }}
{{ include "tandem.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: tandem
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "tandem.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tandem.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* repository[:tag][@digest] with the tag defaulting to the chart's appVersion. */}}
{{- define "tandem.image" -}}
{{- $tag := default .root.Chart.AppVersion .image.tag }}
{{- if .image.digest }}
{{- printf "%s@%s" .image.repository .image.digest }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{- define "tandem.webhookSecretName" -}}
{{- default (printf "%s-mlflow-webhook" (include "tandem.fullname" .)) .Values.mlflow.webhook.existingSecret }}
{{- end }}

{{/*
The namespaces the operator watches, as a list: watchNamespaces, or in a namespace-scoped install without any the
release's own; empty (every namespace) in a cluster-wide install without any.
*/}}
{{- define "tandem.watchedNamespaces" -}}
{{- if .Values.watchNamespaces }}
{{- toJson .Values.watchNamespaces }}
{{- else if eq .Values.rbac.scope "namespace" }}
{{- toJson (list .Release.Namespace) }}
{{- else }}
{{- toJson list }}
{{- end }}
{{- end }}

{{/*
What the reconcilers do in a namespace they watch, and nothing more: read and update Tandem's resources and their
status, own Deployments, Services and Jobs (the build Jobs), watch pods (readiness, a build's termination message)
and record Events. Finalizers: owner references with blockOwnerDeletion need update on the owner's finalizers.
*/}}
{{- define "tandem.namespacedRules" -}}
- apiGroups: [tandem.dev]
  resources: [recmodels, recindexes, rollouts]
  verbs: [get, list, watch, patch, update]
- apiGroups: [tandem.dev]
  resources: [recmodels/status, recindexes/status, rollouts/status]
  verbs: [get, patch, update]
- apiGroups: [tandem.dev]
  resources: [recmodels/finalizers, recindexes/finalizers, rollouts/finalizers]
  verbs: [update]
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, create, update, patch, delete, deletecollection]
- apiGroups: [""]
  resources: [services]
  verbs: [get, list, watch, create, update, patch, delete, deletecollection]
- apiGroups: [batch]
  resources: [jobs]
  verbs: [get, list, watch, create, patch, delete]
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [events]
  verbs: [create, patch]
{{- end }}
