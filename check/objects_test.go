package check

import "testing"

// Outputs of `kubectl get` for the chapter 08 RBAC objects.
const (
	objName = `clusterrole.rbac.authorization.k8s.io/system:kube-apiserver-to-kubelet
clusterrolebinding.rbac.authorization.k8s.io/system:kube-apiserver
`
	// kubectl get clusterrole/system:kube-apiserver-to-kubelet
	// clusterrolebinding/system:kube-apiserver (v1.21+ columns): one table
	// per kind, names prefixed with their kind.
	objTwoTables = `NAME                                                                     CREATED AT
clusterrole.rbac.authorization.k8s.io/system:kube-apiserver-to-kubelet   2025-04-06T17:05:12Z

NAME                                                                 ROLE                                           AGE
clusterrolebinding.rbac.authorization.k8s.io/system:kube-apiserver   ClusterRole/system:kube-apiserver-to-kubelet   2m
`
	// The same on v1.15.3: both kinds print NAME and AGE.
	objTwoTablesV115 = `NAME                                                                     AGE
clusterrole.rbac.authorization.k8s.io/system:kube-apiserver-to-kubelet   5m

NAME                                                                 AGE
clusterrolebinding.rbac.authorization.k8s.io/system:kube-apiserver   5m
`
	// kubectl get clusterrole system:kube-apiserver-to-kubelet (v1.15.3).
	objSingle = `NAME                               AGE
system:kube-apiserver-to-kubelet   5m
`
	objNotFound = `Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "system:kube-apiserver-to-kubelet" not found
`
	// kubectl get clusterrole system:kube-apiserver-to-kubelet clusterrolebinding system:kube-apiserver:
	// kubectl reads every word after the first as a clusterrole name.
	objWordsAsNames = `NAME                               CREATED AT
system:kube-apiserver-to-kubelet   2025-04-06T17:05:12Z
Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "clusterrolebinding" not found
Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "system:kube-apiserver" not found
`
	// The binding was created, the role not (its apply failed on the
	// v1beta1 API on 1.22+).
	objMixed = `Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "system:kube-apiserver-to-kubelet" not found
NAME                                                                 ROLE                                           AGE
clusterrolebinding.rbac.authorization.k8s.io/system:kube-apiserver   ClusterRole/system:kube-apiserver-to-kubelet   2m
`
	objNoKind = `error: the server doesn't have a resource type "clusterroles2"
`
	objRefused = "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n"
	objNone    = "No resources found\n"
	objWarning = `Warning: rbac.authorization.k8s.io/v1beta1 ClusterRole is deprecated in v1.17+, unavailable in v1.22+; use rbac.authorization.k8s.io/v1 ClusterRole
NAME                               CREATED AT
system:kube-apiserver-to-kubelet   2021-05-01T10:00:00Z
`
)

var objExpect = []string{"clusterrole/system:kube-apiserver-to-kubelet", "clusterrolebinding/system:kube-apiserver"}

var objCases = []evalCase{
	{"-o name", ran(objName, 0), true, []want{
		pass("clusterrole/system:kube-apiserver-to-kubelet", ObjectFound),
		pass("clusterrolebinding/system:kube-apiserver", ObjectFound),
	}},
	{"two tables", ran(objTwoTables, 0), true, []want{
		pass("clusterrole/system:kube-apiserver-to-kubelet", ObjectFound),
		pass("clusterrolebinding/system:kube-apiserver", ObjectFound),
	}},
	{"two tables, v1.15.3, over a PTY", ran(crlf(objTwoTablesV115), 0), true, []want{
		pass("clusterrole/system:kube-apiserver-to-kubelet", ObjectFound),
		pass("clusterrolebinding/system:kube-apiserver", ObjectFound),
	}},
	{"single-kind table has only the role", ran(objSingle, 0), false, []want{
		pass("clusterrole/system:kube-apiserver-to-kubelet", ObjectFound),
		bad("clusterrolebinding/system:kube-apiserver", ObjectMissing),
	}},
	{"not found", ran(objNotFound, 1), false, []want{
		bad("clusterrole/system:kube-apiserver-to-kubelet", ObjectNotFound,
			`Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "system:kube-apiserver-to-kubelet" not found`),
		bad("clusterrolebinding/system:kube-apiserver", ObjectMissing),
	}},
	{"words after the kind are names", ran(objWordsAsNames, 1), false, []want{
		pass("clusterrole/system:kube-apiserver-to-kubelet", ObjectFound),
		bad("clusterrolebinding/system:kube-apiserver", ObjectNotFound,
			`Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "system:kube-apiserver" not found`),
	}},
	{"mixed found and not found", ran(objMixed, 1), false, []want{
		bad("clusterrole/system:kube-apiserver-to-kubelet", ObjectNotFound),
		pass("clusterrolebinding/system:kube-apiserver", ObjectFound),
	}},
	{"unknown resource type", ran(objNoKind, 1), false, []want{
		bad("objects", ObjectNoKind, `error: the server doesn't have a resource type "clusterroles2"`),
	}},
	{"no kubeconfig", ran(objRefused, 1), false, []want{
		bad("objects", ConnectionError, "The connection to the server localhost:8080 was refused - did you specify the right host or port?"),
	}},
	{"no resources", ran(objNone, 0), false, []want{
		bad("clusterrole/system:kube-apiserver-to-kubelet", ObjectMissing),
		bad("clusterrolebinding/system:kube-apiserver", ObjectMissing),
	}},
	{"empty", ran("", 0), false, []want{bad("objects", EmptyOutput)}},
	{"mistyped flag", ran("Error: unknown flag: --kubconfig\nSee 'kubectl get --help' for usage.\n", 1), false, []want{
		bad("clusterrole/system:kube-apiserver-to-kubelet", ObjectMissing),
		bad("clusterrolebinding/system:kube-apiserver", ObjectMissing),
	}},
	{"kubectl missing", ran("bash: kubectl: command not found\n", 127), false, []want{bad("objects", CommandNotFound)}},
	{"deprecation warning above the table", ran(objWarning, 0), false, []want{
		pass("clusterrole/system:kube-apiserver-to-kubelet", ObjectFound),
		bad("clusterrolebinding/system:kube-apiserver", ObjectMissing),
	}},
}

func TestObjects(t *testing.T) {
	runCases(t, func() Check { return &Objects{Objects: objExpect} }, objCases)
}

func TestObjectsKinds(t *testing.T) {
	tests := []struct {
		name   string
		expect []string
		text   string
		pass   bool
		items  []want
	}{
		{"bare names", []string{"system:kube-apiserver-to-kubelet"}, objName, true, []want{
			pass("system:kube-apiserver-to-kubelet", ObjectFound),
		}},
		{"kind is case-insensitive", []string{"ClusterRole/system:kube-apiserver-to-kubelet"}, objName, true, []want{
			pass("ClusterRole/system:kube-apiserver-to-kubelet", ObjectFound),
		}},
		{"kind with its API group", []string{"clusterrole.rbac.authorization.k8s.io/system:kube-apiserver-to-kubelet"}, objName, true, []want{
			pass("clusterrole.rbac.authorization.k8s.io/system:kube-apiserver-to-kubelet", ObjectFound),
		}},
		{"same name, other kind", []string{"clusterrole/system:kube-apiserver"}, objName, false, []want{
			bad("clusterrole/system:kube-apiserver", ObjectMissing),
		}},
		{"core kinds in -o name", []string{"service/kubernetes", "deployment/nginx"}, "service/kubernetes\ndeployment.apps/nginx\n", true, []want{
			pass("service/kubernetes", ObjectFound), pass("deployment/nginx", ObjectFound),
		}},
		{"secret table", []string{"secret/kubernetes-the-hard-way"}, "NAME                     TYPE     DATA   AGE\nkubernetes-the-hard-way   Opaque   1      12s\n", true, []want{
			pass("secret/kubernetes-the-hard-way", ObjectFound),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &Objects{Objects: tc.expect}
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			assertResult(t, c.Evaluate(pasted(tc.text)), tc.pass, tc.items)
		})
	}
}

func TestObjectsValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"none", &Objects{}, true},
		{"blank", &Objects{Objects: []string{"  "}}, true},
		{"kind without name", &Objects{Objects: []string{"clusterrole/"}}, true},
		{"one good one bad", &Objects{Objects: []string{"clusterrole/x", ""}}, true},
		{"kind/name", &Objects{Objects: objExpect}, false},
		{"bare name", &Objects{Objects: []string{"system:kube-apiserver"}}, false},
	})
}
